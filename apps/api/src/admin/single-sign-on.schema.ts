import { z } from "@hono/zod-openapi";
import { hasChanges, noChangesIssue, safeLine } from "@teamaround/domain";
import { versionField } from "../http/openapi";

export const SingleSignOnSettingsSchema = z
  .object({
    issuer: z.string().nullable().describe("The identity provider's issuer URL"),
    clientId: z.string().nullable(),
    displayName: z
      .string()
      .nullable()
      .describe('The button\'s words; unset: "Sign in with <authority name>"'),
    requireStaffSso: z
      .boolean()
      .describe("Staff must sign in with single sign-on (administrators with TOTP keep passwords)"),
    clientSecretVariable: z
      .string()
      .nullable()
      .describe("The environment variable that may hold this client id's own secret"),
    clientSecretConfigured: z
      .boolean()
      .describe("A secret for the client id is in the environment (never shown)"),
    callbackUrl: z.string().describe("The redirect URI to register at the identity provider"),
    version: z.number().int().describe("Send it back when changing the settings"),
  })
  .openapi("SingleSignOnSettings");

export const UpdateSingleSignOnBody = z
  .strictObject({
    version: versionField.describe("The version you read; another change since answers 409"),
    issuer: z
      .url({ protocol: /^https?$/, message: "must be the provider's https:// issuer URL" })
      .max(500)
      .nullable()
      .optional(),
    clientId: safeLine({ max: 200 }).nullable().optional(),
    displayName: safeLine({ max: 80 }).nullable().optional(),
    requireStaffSso: z.boolean().optional(),
  })
  .refine(hasChanges, noChangesIssue)
  .openapi("UpdateSingleSignOn");
