import { createRoute, z } from "@hono/zod-openapi";
import { createGuestInvitation, revokeGuestInvitation } from "@teamaround/auth";
import { enqueueNotice, getMeeting, meetingGuests, users } from "@teamaround/db";
import {
  AppError,
  authorize,
  FamilyAbilitiesSchema,
  notFound,
  revocationReasons,
} from "@teamaround/domain";
import { and, asc, eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishAccessRevoked } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { MeetingParams } from "../meetings/meetings.schema";
import { GuestParams, InviteGuestBody, MeetingGuest } from "./guests.schema";
import { presentGuest } from "./present-guest";

const tags = ["Meeting guests"];
/** Meetings run over; a guest's link lasts an hour past the booked end unless the meeting ends first. */
const graceAfterBookedEndMs = 60 * 60 * 1000;

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/meetings/{meetingId}/guests",
  tags,
  summary: "Partners without an account invited to this meeting, with their status",
  request: { params: MeetingParams },
  responses: {
    200: jsonResponse(
      z.object({ data: z.array(MeetingGuest), abilities: FamilyAbilitiesSchema }),
      "The meeting's guests",
    ),
    ...errorResponses(403, 404),
  },
});

const inviteRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/meetings/{meetingId}/guests",
  tags,
  summary: "Invite a partner without an account (a GP, a nurse from another trust) to this meeting",
  description:
    "Emails them a link and a one-time code through the outbox. The guest sees this meeting's room and plan (read-only unless mayWrite) until the meeting ends, an hour past its booked end at the latest, or until revoked.",
  request: { params: MeetingParams, body: jsonBody(InviteGuestBody) },
  responses: {
    201: jsonResponse(z.object({ data: MeetingGuest }), "Invited"),
    ...errorResponses(403, 404, 409),
  },
});

const revokeRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/meetings/{meetingId}/guests/{guestId}/revoke",
  tags,
  summary: "Withdraw a guest's invitation: their link stops working and they leave the room",
  request: { params: GuestParams },
  responses: {
    200: jsonResponse(z.object({ data: MeetingGuest }), "Revoked"),
    ...errorResponses(403, 404, 409),
  },
});

export function registerMeetingGuestRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, meetingId } = c.req.valid("param");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "meeting", "manage_guests");
    if (!(await getMeeting(db, familyId, meetingId))) throw notFound("That meeting");
    const rows = await db
      .select()
      .from(meetingGuests)
      .where(and(eq(meetingGuests.familyId, familyId), eq(meetingGuests.meetingId, meetingId)))
      .orderBy(asc(meetingGuests.createdAt));
    await recordAudit(db, c, {
      event: "meeting.guests.read",
      familyId,
      resourceType: "meeting",
      resourceId: meetingId,
      details: { shown: rows.length },
    });
    const at = now();
    return c.json(
      withAbilities(
        rows.map((row) => presentGuest(row, at)),
        access,
      ),
      200,
    );
  });

  app.openapi(inviteRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, meetingId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "meeting", "manage_guests");
    const at = now();
    const guest = await db.transaction(async (tx) => {
      const meeting = await getMeeting(tx, familyId, meetingId, { forUpdate: true });
      if (!meeting) throw notFound("That meeting");
      if (meeting.state !== "scheduled" && meeting.state !== "live") {
        throw new AppError(
          "conflict",
          `Guests can only be invited to a meeting that has not ended; this one is ${meeting.state}.`,
        );
      }
      const bookedEnd = meeting.scheduledFor.getTime() + meeting.durationMinutes * 60_000;
      const expiresAt = new Date(Math.max(bookedEnd, at.getTime()) + graceAfterBookedEndMs);
      const invited = await createGuestInvitation(tx, {
        authorityId: family.authorityId,
        familyId,
        meetingId,
        name: body.name,
        organisation: body.organisation,
        email: body.email,
        roleWords: body.role,
        mayWrite: body.mayWrite,
        expiresAt,
        createdBy: actor.userId,
        now: at,
      });
      const [inviter] = await tx
        .select({ name: users.displayName })
        .from(users)
        .where(eq(users.id, actor.userId));
      await enqueueNotice(tx, {
        authorityId: family.authorityId,
        content: {
          kind: "guest_invitation",
          variables: {
            token: invited.token,
            code: invited.code,
            inviterName: inviter?.name ?? "The lead professional",
            startsAt: meeting.scheduledFor.toISOString(),
            expiresAt: expiresAt.toISOString(),
          },
        },
        recipient: { address: body.email },
        familyId,
        createdBy: actor.userId,
      });
      await recordAudit(tx, c, {
        event: "meeting.guest.invite",
        familyId,
        resourceType: "meeting_guest",
        resourceId: invited.guest.id,
        details: {
          meetingId,
          guestName: body.name,
          organisation: body.organisation,
          mayWrite: body.mayWrite,
        },
      });
      return invited.guest;
    });
    return c.json({ data: presentGuest(guest, at) }, 201);
  });

  app.openapi(revokeRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, meetingId, guestId } = c.req.valid("param");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "meeting", "manage_guests");
    const at = now();
    const revoked = await db.transaction(async (tx) => {
      const [guest] = await tx
        .select()
        .from(meetingGuests)
        .where(
          and(
            eq(meetingGuests.id, guestId),
            eq(meetingGuests.familyId, familyId),
            eq(meetingGuests.meetingId, meetingId),
          ),
        )
        .for("update");
      if (!guest) throw notFound("That guest");
      if (guest.revokedAt)
        throw new AppError("conflict", "This guest's invitation was already withdrawn.");
      await revokeGuestInvitation(tx, guest, actor.userId, at);
      await recordAudit(tx, c, {
        event: "meeting.guest.revoke",
        familyId,
        resourceType: "meeting_guest",
        resourceId: guest.id,
        details: { meetingId, guestName: guest.name, organisation: guest.organisation },
      });
      return { ...guest, revokedAt: at, revokedBy: actor.userId };
    });
    await publishAccessRevoked(c, {
      familyId,
      userIds: [revoked.userId],
      reason: revocationReasons.guestRevoked,
    });
    return c.json({ data: presentGuest(revoked, at) }, 200);
  });
}
