import { createRoute } from "@hono/zod-openapi";
import { markSessionTwoFactorVerified } from "@teamaround/auth";
import { AppError } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { EmptyResult, TotpBody } from "./auth.schema";
import { verifySecondFactor } from "./second-factor";

const totpRoute = createRoute({
  method: "post",
  path: "/api/auth/totp",
  tags: ["Sign-in"],
  summary: "Complete sign-in with a code from the authenticator app",
  description:
    "For a session whose second factor is pending. Each code works once; repeated wrong codes answer 429.",
  request: { body: jsonBody(TotpBody) },
  responses: {
    200: jsonResponse(EmptyResult, "The session is fully signed in"),
    ...errorResponses(409, 429),
  },
});

export function registerTotpRoutes(app: ApiApp): void {
  app.openapi(totpRoute, async (c) => {
    const { code } = c.req.valid("json");
    const { session, user, signInState } = c.var;
    if (!session || !user) throw new AppError("unauthenticated", "Please sign in.");
    if (signInState !== "second_factor_pending") {
      throw new AppError("conflict", "This session is not waiting for a code.");
    }
    const { db } = c.var.deps;
    if (!(await verifySecondFactor(c, user.id, code))) {
      await recordAudit(db, c, {
        event: "session.totp_failed",
        resourceType: "user",
        resourceId: user.id,
      });
      throw new AppError(
        "unauthenticated",
        "That code is not right, or it has already been used. Wait for a new code and try again.",
      );
    }
    await db.transaction(async (tx) => {
      await markSessionTwoFactorVerified(tx, session.id);
      await recordAudit(tx, c, {
        event: "session.totp_verified",
        resourceType: "user",
        resourceId: user.id,
      });
    });
    return c.json({}, 200);
  });
}
