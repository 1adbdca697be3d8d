/**
 * The one error type of the system. Codes form a closed set; each app maps
 * them to its transport in one place (HTTP statuses in the API, ack errors in
 * the realtime server).
 */
export const errorCodes = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "stale_version",
  "payload_too_large",
  "unsupported_media_type",
  "unprocessable",
  "too_many_requests",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what = "That record") =>
  new AppError("not_found", `${what} was not found, or you do not have access to it.`);
