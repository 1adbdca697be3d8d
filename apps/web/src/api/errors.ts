/** The API's error codes (DESIGN §6), plus "network" when no answer came back. */
export type ApiErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "stale_version"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable"
  | "too_many_requests"
  | "internal"
  | "network";

/** A field the API named in `details`: `path` is the body field, e.g. "dueDate" or "owners.0". */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An error answered by the API as `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Builds the error from a response's status and parsed body, whatever shape the body has. */
  static fromResponse(status: number, body: unknown): ApiError {
    const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
    const code =
      typeof error?.code === "string" ? (error.code as ApiErrorCode) : fallbackCode(status);
    const message =
      typeof error?.message === "string" ? error.message : "Something went wrong. Try again.";
    return new ApiError(status, code, message, error?.details);
  }

  /** The `[{ path, message }]` entries of `details`, or none when details has another shape. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        isRecord(d) && typeof d.path === "string" && typeof d.message === "string",
    );
  }

  get isStaleVersion(): boolean {
    return this.code === "stale_version";
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Whether an error means the session is gone (never set for a wrong password: see sign-in). */
export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

function fallbackCode(status: number): ApiErrorCode {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "too_many_requests";
  return status >= 500 ? "internal" : "bad_request";
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
