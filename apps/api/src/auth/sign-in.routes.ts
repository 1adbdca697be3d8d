import { createRoute } from "@hono/zod-openapi";
import { invalidateSession, sessionCookieName } from "@teamaround/auth";
import { AppError, revocationReasons } from "@teamaround/domain";
import { getCookie } from "hono/cookie";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishAccessRevoked } from "../events/publish-after-commit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { SignInBody, SignInResult } from "./auth.schema";
import { checkCredentials, emailDigest, startSession } from "./commands/sign-in";
import { refuseWhereSingleSignOnRequired } from "./oidc/password-refusal";
import { clearSessionCookie, clientIp, setSessionCookie, tooManyAttempts } from "./session-cookie";

const tags = ["Sign-in"];
const wrongCredentials = "The email or password is not right.";

const signInRoute = createRoute({
  method: "post",
  path: "/api/auth/sign-in",
  tags,
  summary: "Sign in with email and password; sets the session cookie",
  description:
    "The same 401 answers an unknown email, a wrong password and a deactivated account. " +
    "Repeated failures for one email or from one address answer 429 with Retry-After. " +
    "Where the authority requires single sign-on, staff (but an administrator with TOTP) " +
    "are refused with 403 and `details.singleSignOnRequired` after a right password.",
  request: { body: jsonBody(SignInBody) },
  responses: {
    200: jsonResponse(SignInResult, "Signed in (the second factor may still be pending)"),
    ...errorResponses(403, 429),
  },
});

const signOutRoute = createRoute({
  method: "post",
  path: "/api/auth/sign-out",
  tags,
  summary: "End the current session and clear the cookie",
  description: "Idempotent: without a live session it still clears the cookie and answers 204.",
  responses: { 204: { description: "Signed out" }, ...errorResponses() },
});

export function registerSignInRoutes(app: ApiApp): void {
  app.openapi(signInRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const { db, throttle } = c.var.deps;
    const ip = clientIp(c);
    const decision = await throttle.check(email, ip);
    if (!decision.allowed) throw tooManyAttempts(c, decision.retryAfterSec);

    const check = await checkCredentials(db, email, password);
    if (!check.ok) {
      await throttle.recordFailure(email, ip);
      await recordAudit(db, c, {
        event: "session.sign_in_failed",
        resourceType: "user",
        resourceId: check.userId ?? undefined,
        details: { emailSha256: emailDigest(email), reason: check.reason },
      });
      throw new AppError("unauthenticated", wrongCredentials);
    }
    await throttle.recordSuccess(email, ip);
    const { user } = check;
    await refuseWhereSingleSignOnRequired(c, user);
    const started = await startSession(c, user, getCookie(c, sessionCookieName));
    setSessionCookie(c, started.token, started.session.expiresAt);
    return c.json(
      {
        data: {
          user: { id: user.id, displayName: user.displayName, role: user.role },
          secondFactorRequired: started.secondFactorRequired,
          totpEnrolmentRequired: started.totpEnrolmentRequired,
        },
      },
      200,
    );
  });

  app.openapi(signOutRoute, async (c) => {
    const session = c.var.session;
    if (session) {
      const { db } = c.var.deps;
      await db.transaction(async (tx) => {
        await invalidateSession(tx, session.id);
        await recordAudit(tx, c, {
          event: "session.end",
          resourceType: "user",
          resourceId: session.userId,
        });
      });
      await publishAccessRevoked(c, {
        sessionIds: [session.id],
        reason: revocationReasons.signedOut,
      });
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}
