import { createRoute } from "@hono/zod-openapi";
import { redeemInvitation } from "@teamaround/auth";
import { AppError } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { enqueuePasswordChangedNotice } from "../notices/account-notices";
import { EmptyResult, SetPasswordBody } from "./auth.schema";

const setPasswordRoute = createRoute({
  method: "post",
  path: "/api/auth/set-password",
  tags: ["Sign-in"],
  summary: "Choose a password with a set-password link (works once)",
  description:
    "Does not sign in. An unknown, expired, used or superseded link gets one and the same answer.",
  request: { body: jsonBody(SetPasswordBody) },
  responses: {
    200: jsonResponse(EmptyResult, "Password set; sign in with it"),
    ...errorResponses(422),
  },
});

export function registerSetPasswordRoutes(app: ApiApp): void {
  app.openapi(setPasswordRoute, async (c) => {
    const { token, password } = c.req.valid("json");
    const { db, now } = c.var.deps;
    // One transaction, so the password is never set without its audit entry.
    const result = await db.transaction(async (tx) => {
      const redeemed = await redeemInvitation(tx, token, password, now());
      if (redeemed.ok) {
        await recordAudit(tx, c, {
          event: "user.set_password",
          resourceType: "user",
          resourceId: redeemed.userId,
        });
        await enqueuePasswordChangedNotice(tx, redeemed.userId, now());
      }
      return redeemed;
    });
    if (!result.ok && result.reason === "weak_password") {
      throw new AppError("unprocessable", result.message, [
        { path: "password", message: result.message, rule: result.weakness },
      ]);
    }
    if (!result.ok) {
      throw new AppError(
        "unprocessable",
        "This link does not work any more. Ask your administrator or lead professional for a new one.",
        [{ path: "token", message: "not a working set-password link" }],
      );
    }
    return c.json({}, 200);
  });
}
