import { createRoute, z } from "@hono/zod-openapi";
import { hashToken, redeemGuestCode } from "@teamaround/auth";
import { getFamilyAccess, meetingGuests } from "@teamaround/db";
import { AppError, authorizeGlobal, canInMeeting } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { clientIp, setSessionCookie, tooManyAttempts } from "../auth/session-cookie";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { GuestMeeting, GuestSignInBody } from "./guests.schema";

const tags = ["Meeting guests"];
const invalidOrExpired =
  "This link or code does not work. It may have been used already, or the meeting may have ended. Ask the person who invited you for a new one.";

const signInRoute = createRoute({
  method: "post",
  path: "/api/guest/sign-in",
  tags,
  summary: "A guest partner signs in with the link's token and the one-time code",
  description:
    "Sets a session cookie that works for the invitation's one meeting only. A wrong code is counted (5 spend the invitation) and throttled like sign-in (429 with Retry-After); a used, revoked or expired invitation answers 401.",
  request: { body: jsonBody(GuestSignInBody) },
  responses: {
    200: jsonResponse(z.object({ data: GuestMeeting }), "Signed in as a guest"),
    ...errorResponses(401, 429),
  },
});

const meetingRoute = createRoute({
  method: "get",
  path: "/api/guest/meeting",
  tags,
  summary: "The meeting a signed-in guest may be in now",
  description: "For guest accounts only; 404 when the invitation no longer lets them in.",
  responses: {
    200: jsonResponse(z.object({ data: GuestMeeting }), "The guest's meeting"),
    ...errorResponses(403, 404),
  },
});

function guestThrottleKey(token: string): string {
  return `guest:${hashToken(token)}`;
}

export function registerGuestSignInRoutes(app: ApiApp): void {
  app.openapi(signInRoute, async (c) => {
    const { token, code } = c.req.valid("json");
    const { db, throttle, config, now } = c.var.deps;
    const ip = clientIp(c);
    const key = guestThrottleKey(token);
    const decision = await throttle.check(key, ip);
    if (!decision.allowed) throw tooManyAttempts(c, decision.retryAfterSec);
    const at = now();
    const result = await db.transaction(async (tx) => {
      const redeemed = await redeemGuestCode(
        tx,
        {
          token,
          code,
          context: { ipAddress: c.var.meta.ipAddress, userAgent: c.var.meta.userAgent },
        },
        config.sessionPolicy,
        at,
      );
      const guest = redeemed.guest;
      await recordAudit(tx, c, {
        event: redeemed.ok ? "meeting.guest.sign_in" : "meeting.guest.sign_in_failed",
        familyId: guest?.familyId ?? null,
        resourceType: "meeting_guest",
        resourceId: guest?.id,
        details: {
          ...(guest
            ? {
                meetingId: guest.meetingId,
                guestName: guest.name,
                organisation: guest.organisation,
              }
            : {}),
          ...(redeemed.ok ? {} : { reason: redeemed.reason }),
        },
      });
      return redeemed;
    });
    if (!result.ok) {
      await throttle.recordFailure(key, ip);
      throw new AppError("unauthenticated", invalidOrExpired);
    }
    await throttle.recordSuccess(key, ip);
    const { guest } = result;
    setSessionCookie(c, result.token, guest.expiresAt);
    return c.json(
      {
        data: {
          familyId: guest.familyId,
          meetingId: guest.meetingId,
          name: guest.name,
          organisation: guest.organisation,
          mayWrite: guest.mayWrite,
          expiresAt: guest.expiresAt.toISOString(),
        },
      },
      200,
    );
  });

  app.openapi(meetingRoute, async (c) => {
    const actor = requireActor(c);
    authorizeGlobal(actor, "guest_meeting", "read");
    const { db } = c.var.deps;
    const [guest] = await db
      .select()
      .from(meetingGuests)
      .where(eq(meetingGuests.userId, actor.userId));
    if (!guest) throw new AppError("not_found", "That meeting was not found.");
    const found = await getFamilyAccess(db, actor, guest.familyId);
    if (!found || !canInMeeting(found.access, guest.meetingId, "read")) {
      throw new AppError("not_found", "That meeting was not found.");
    }
    return c.json(
      {
        data: {
          familyId: guest.familyId,
          meetingId: guest.meetingId,
          name: guest.name,
          organisation: guest.organisation,
          mayWrite: guest.mayWrite,
          expiresAt: guest.expiresAt.toISOString(),
        },
      },
      200,
    );
  });
}
