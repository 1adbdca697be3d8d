import { type AckResult, AppError } from "@teamaround/domain";
import type { Logger } from "pino";
import { ZodError, type z } from "zod";

/**
 * Runs a handler and answers its acknowledgement: the data, or the error as
 * `{ code, message, details }` with a code of the domain's closed set. The
 * one place errors become acks. A client that sent no ack still gets the
 * work done (or refused), and nothing else.
 */
export async function respond<T>(
  ack: unknown,
  logger: Logger,
  work: () => Promise<T>,
): Promise<void> {
  const reply = typeof ack === "function" ? (ack as (result: AckResult<T>) => void) : () => {};
  try {
    reply({ ok: true, data: await work() });
  } catch (error) {
    reply({ ok: false, error: toAckError(error, logger) });
  }
}

function toAckError(error: unknown, logger: Logger) {
  if (error instanceof AppError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return { code: "validation_failed" as const, message: "The message is not valid.", details };
  }
  logger.error({ err: error }, "meeting event failed");
  return {
    code: "internal" as const,
    message: "Something went wrong on our side. Nothing was changed.",
  };
}

/** Parses an event's payload with its zod schema; a bad payload becomes a `validation_failed` ack. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  return schema.parse(payload);
}
