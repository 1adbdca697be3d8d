import { z } from "@hono/zod-openapi";
import { errorCodes, versionSchema } from "@teamaround/domain";

/** Pieces shared by every route definition. */

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

const errorDescriptions = {
  400: "The request is malformed or fails validation",
  401: "Not signed in, or the session has ended",
  403: "Signed in, but not allowed to do this",
  404: "Not found, or not yours to see",
  409: "Conflicts with the current state (for example a stale version)",
  413: "The request body is too large",
  422: "Well-formed but breaks a rule of the service",
  429: "Too many attempts; see Retry-After",
} as const;

type ErrorStatus = keyof typeof errorDescriptions;

/** The error responses a route may give, for the OpenAPI document. */
export function errorResponses(...statuses: ErrorStatus[]) {
  const all: ErrorStatus[] = [400, 401, ...statuses];
  return Object.fromEntries(
    all.map((status) => [
      status,
      {
        description: errorDescriptions[status],
        content: { "application/json": { schema: ErrorResponseSchema } },
      },
    ]),
  ) as Record<
    ErrorStatus,
    { description: string; content: { "application/json": { schema: typeof ErrorResponseSchema } } }
  >;
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    description,
    content: { "application/json": { schema } },
  };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export const uuidParam = (name: string) =>
  z.uuid({ message: `${name} must be a UUID` }).openapi({ param: { name, in: "path" } });

export const FamilyParams = z.object({ familyId: uuidParam("familyId") });

/** Bounded to the integer column it is compared with (a larger number used to fail as a 500). */
export const versionField = versionSchema;
