import { z } from "@hono/zod-openapi";

export const SingleSignOnOptions = z
  .object({
    data: z.array(
      z.object({
        authorityId: z.uuid().describe("Pass to /api/auth/oidc/start as `authority`"),
        displayName: z
          .string()
          .describe('The button\'s words, e.g. "Sign in with Northshire Council"'),
      }),
    ),
  })
  .openapi("SingleSignOnOptions");

export const StartQuery = z.object({
  authority: z
    .uuid({ message: "authority must be a UUID" })
    .openapi({ param: { name: "authority", in: "query" } }),
});

const param = z.string().max(4000).optional();

/** What a provider may send back (RFC 6749 §4.1.2, RFC 9207); the client library checks it all. */
export const CallbackQuery = z.object({
  code: param,
  state: param,
  iss: param,
  error: param,
  error_description: param,
  session_state: param,
});

/** Why a single sign-on ended back at the sign-in page; the web client words each one. */
export const singleSignOnErrors = [
  "sso_unavailable",
  "sso_expired",
  "sso_failed",
  "sso_cancelled",
  "sso_email_unverified",
  "sso_no_account",
  "sso_linked_to_another",
  "too_many_attempts",
] as const;
export type SingleSignOnError = (typeof singleSignOnErrors)[number];

export const redirectResponse = (description: string) => ({
  description,
  headers: z.object({ location: z.string().describe("Where the browser goes next") }),
});
