import { z } from "@hono/zod-openapi";
import { safeLine, safeSecret, userRoles } from "@teamaround/domain";

export const SignInBody = z
  .strictObject({
    email: safeLine({ max: 320 }).toLowerCase(),
    password: safeSecret({ max: 1024 }),
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
    token: safeSecret({ max: 200 }),
    password: safeSecret({ max: 1024 }),
  })
  .openapi("SetPassword");

export const EmptyResult = z.object({}).openapi("Empty");
