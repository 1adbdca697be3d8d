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
