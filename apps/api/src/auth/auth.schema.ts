import { z } from "@hono/zod-openapi";
import { userRoles } from "@teamaround/domain";

export const SignInBody = z
  .strictObject({
    email: z.string().trim().toLowerCase().min(1).max(320),
    password: z.string().min(1).max(1024),
  })
  .openapi("SignIn");

export const SignInResult = z
  .object({
    data: z.object({
      user: z.object({ id: z.uuid(), displayName: z.string(), role: z.enum(userRoles) }),
      secondFactorRequired: z
        .boolean()
        .describe("Send a code to POST /api/auth/totp before anything else"),
      totpEnrolmentRequired: z
        .boolean()
        .describe("The authority requires staff to set up a second factor; this account has none"),
    }),
  })
  .openapi("SignInResult");

export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "must be the 6-digit code from your authenticator app");

export const TotpBody = z.strictObject({ code: totpCode }).openapi("TotpCode");

export const SetPasswordBody = z
  .strictObject({
    token: z.string().min(1).max(200),
    password: z.string().min(1).max(1024),
  })
  .openapi("SetPassword");

export const EmptyResult = z.object({}).openapi("Empty");
