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

/**
 * Every logger is built with these serializers, so an error logged anywhere
 * (`logger.error({ err }, …)`) is reduced to `describeError`'s safe fields.
 */
export const logSafeSerializers = {
  err: (value: unknown): LoggedError => describeError(value),
  error: (value: unknown): LoggedError => describeError(value),
};
