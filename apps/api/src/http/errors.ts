import { AppError, type ErrorCode } from "@teamaround/domain";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";

/** The one place error codes become HTTP statuses. */
export const statusForCode: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function respondWithError(c: Context, error: AppError): Response {
  return c.json(errorBody(error.code, error.message, error.details), statusForCode[error.code]);
}

export function zodIssues(error: ZodError) {
  return error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
}

export function validationError(error: ZodError, where: string): AppError {
  return new AppError("validation_failed", `The ${where} is not valid.`, zodIssues(error));
}

/** Turns anything thrown in a handler into the JSON error shape. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationError(err, "request");
  if (err instanceof HTTPException) {
    if (err.status === 413)
      return new AppError("payload_too_large", "The request body is too large.");
    if (err.status === 400)
      return new AppError("bad_request", err.message || "The request is malformed.");
    if (err.status === 401) return new AppError("unauthenticated", "Please sign in.");
  }
  return new AppError("internal", "Something went wrong on our side. Nothing was changed.");
}

/** What the log may say about a failure: its kind and the database's code, never values. */
export interface LoggedError {
  name: string;
  /** The driver's SQLSTATE (e.g. 22021) or Node's error code, when there is one. */
  code?: string;
  constraint?: string;
  table?: string;
  /** Where it was thrown; the first line of a stack is the message, so it is left out. */
  frames?: string;
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null || !(key in value)) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" ? field : undefined;
}

/**
 * A log-safe description of anything thrown. Driver errors carry the failing
 * SQL, its parameters and the offending values in their message and detail,
 * and those are case records: only the name, the SQLSTATE and the names of the
 * constraint and table are kept, from the error or the driver error it wraps.
 */
export function describeError(err: unknown): LoggedError {
  const cause = typeof err === "object" && err !== null && "cause" in err ? err.cause : undefined;
  const name = err instanceof Error ? err.name : typeof err;
  const described: LoggedError = { name };
  const code = stringField(err, "code") ?? stringField(cause, "code");
  const constraint = stringField(err, "constraint") ?? stringField(cause, "constraint");
  const table = stringField(err, "table") ?? stringField(cause, "table");
  const frames =
    err instanceof Error
      ? err.stack
          ?.split("\n")
          .filter((line) => /^\s+at /.test(line))
          .slice(0, 8)
          .join("\n")
      : undefined;
  if (code) described.code = code;
  if (constraint) described.constraint = constraint;
  if (table) described.table = table;
  if (frames) described.frames = frames;
  return described;
}
