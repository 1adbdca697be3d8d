import { createRoute, z } from "@hono/zod-openapi";
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  markSessionTwoFactorVerified,
  revokeOtherSessions,
} from "@teamaround/auth";
import { AppError, revocationReasons } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { verifySecondFactor } from "../auth/second-factor";
import { publishAccessRevoked } from "../events/publish-after-commit";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireCurrentSession } from "./current-session";
import { ConfirmTotpBody, EnrolTotpBody, TotpEnrolment } from "./me.schema";

const tags = ["Me"];

const enrolRoute = createRoute({
  method: "post",
  path: "/api/me/totp/enrol",
  tags,
  summary: "Start setting up an authenticator app (a new key, pending until confirmed)",
  description: "Replacing an existing authenticator needs a current code from it.",
  request: { body: jsonBody(EnrolTotpBody) },
  responses: {
    200: jsonResponse(TotpEnrolment, "The new key"),
    ...errorResponses(422, 429),
  },
});

const confirmRoute = createRoute({
  method: "post",
  path: "/api/me/totp/confirm",
  tags,
  summary: "Confirm the new key with a code; my other sessions are then signed out",
  request: { body: jsonBody(ConfirmTotpBody) },
  responses: {
    200: jsonResponse(
      z.object({
        data: z.object({ totpEnabled: z.literal(true), otherSessionsRevoked: z.number() }),
      }),
      "The second factor is on",
    ),
    ...errorResponses(409, 422),
  },
});

function wrongCode(message: string): AppError {
  return new AppError("unprocessable", message, [{ path: "code", message }]);
}

export function registerMyTotpRoutes(app: ApiApp): void {
  app.openapi(enrolRoute, async (c) => {
    const { user } = requireCurrentSession(c);
    const { code } = c.req.valid("json");
    if (user.totpKey !== null) {
      if (!code) throw wrongCode("Enter a current code from your authenticator app to replace it.");
      if (!(await verifySecondFactor(c, user.id, code))) {
        throw wrongCode("That code is not right, or it has already been used.");
      }
    }
    const { db } = c.var.deps;
    const enrolment = await db.transaction(async (tx) => {
      const begun = await beginTotpEnrolment(tx, user.id);
      await recordAudit(tx, c, {
        event: "totp.enrol_begin",
        resourceType: "user",
        resourceId: user.id,
      });
      return begun;
    });
    const secret = new URL(enrolment.uri).searchParams.get("secret") ?? "";
    return c.json({ data: { uri: enrolment.uri, secret } }, 200);
  });

  app.openapi(confirmRoute, async (c) => {
    const { user, session } = requireCurrentSession(c);
    const { code } = c.req.valid("json");
    if (user.totpPendingKey === null) {
      throw new AppError("conflict", "Start setting up an authenticator app first.");
    }
    const { db, now } = c.var.deps;
    const revoked = await db.transaction(async (tx) => {
      const { ok } = await confirmTotpEnrolment(tx, user.id, code, now());
      if (!ok)
        throw wrongCode("That code is not right. Check the app shows Teamaround and try again.");
      // This session proved the new factor just now; every other one must sign in again.
      await markSessionTwoFactorVerified(tx, session.id);
      const ended = await revokeOtherSessions(tx, user.id, session.id);
      await recordAudit(tx, c, {
        event: "totp.enable",
        resourceType: "user",
        resourceId: user.id,
        details: { replaced: user.totpKey !== null, otherSessionsRevoked: ended.length },
      });
      return ended;
    });
    await publishAccessRevoked(c, { sessionIds: revoked, reason: revocationReasons.sessionEnded });
    return c.json(
      { data: { totpEnabled: true as const, otherSessionsRevoked: revoked.length } },
      200,
    );
  });
}
