import { z } from "@hono/zod-openapi";
import { agencyTypes, GlobalAbilitiesSchema, userRoles } from "@teamaround/domain";
import { AuthoritySchema } from "../admin/authority.schema";
import { totpCode } from "../auth/auth.schema";

export const MeSchema = z
  .object({
    data: z.object({
      id: z.uuid(),
      displayName: z.string(),
      email: z.string(),
      role: z.enum(userRoles),
      jobTitle: z.string().nullable(),
      agency: z.object({ id: z.uuid(), name: z.string(), type: z.enum(agencyTypes) }).nullable(),
      totpEnabled: z.boolean(),
      totpEnrolmentRequired: z.boolean(),
      authority: AuthoritySchema,
    }),
    abilities: GlobalAbilitiesSchema,
  })
  .openapi("Me");

export const MySessionSchema = z
  .object({
    id: z.string().describe("Identifies the session; it is not the secret in the cookie"),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    singleSignOn: z
      .boolean()
      .describe("Begun through the council's identity provider rather than a password"),
    current: z.boolean(),
  })
  .openapi("MySession");

export const SessionParams = z.object({
  sessionId: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "sessionId must be a session id from GET /api/me/sessions")
    .openapi({ param: { name: "sessionId", in: "path" } }),
});

export const RevokedResult = z.object({ data: z.object({ revoked: z.number().int() }) });

export const EnrolTotpBody = z
  .strictObject({
    code: totpCode
      .optional()
      .describe("A current code from the existing authenticator; required to replace it"),
  })
  .openapi("EnrolTotp");

export const TotpEnrolment = z
  .object({
    data: z.object({
      uri: z.string().describe("otpauth:// URI, for a QR code"),
      secret: z.string().describe("The same key in base32, for typing in by hand"),
    }),
  })
  .openapi("TotpEnrolment");

export const ConfirmTotpBody = z.strictObject({ code: totpCode }).openapi("ConfirmTotp");
