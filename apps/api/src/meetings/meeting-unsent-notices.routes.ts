import { createRoute, z } from "@hono/zod-openapi";
import { getMeeting, listUnsentMeetingNotices } from "@teamaround/db";
import { authorize, FamilyAbilitiesSchema, notFound } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { MeetingParams } from "./meetings.schema";

/** Why someone was not told: nowhere to send it, a closed account, or the email was refused. */
const unsentReasonCodes = ["no_email_address", "account_not_active", "not_delivered"] as const;

const UnsentNotice = z
  .object({
    noticeId: z.uuid(),
    name: z.string().describe("The invitee, as the lead knows them"),
    kind: z.enum(["practitioner", "family_member"]),
    reason: z.enum(unsentReasonCodes),
    change: z
      .enum(["booked", "invited", "moved", "cancelled", "uninvited"])
      .describe("What they were not told"),
    at: z.string().describe("When it was to be sent"),
  })
  .openapi("UnsentMeetingNotice");

const unsentRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/meetings/{meetingId}/unsent-notices",
  tags: ["Meetings"],
  summary: "Invitees the meeting's latest invitation, move or cancellation did not reach, and why",
  description:
    "For the lead professional: tell these people another way. Each invitee's newest email about the meeting is listed when it could not be sent (no email address, a closed account) or was refused.",
  request: { params: MeetingParams },
  responses: {
    200: jsonResponse(
      z.object({ data: z.array(UnsentNotice), abilities: FamilyAbilitiesSchema }),
      "Who was not told",
    ),
    ...errorResponses(403, 404),
  },
});

function reasonCode(lastError: string): (typeof unsentReasonCodes)[number] {
  if (lastError === "no email address") return "no_email_address";
  if (lastError === "account not active") return "account_not_active";
  return "not_delivered";
}

const changes = new Set(["booked", "invited", "moved", "cancelled", "uninvited"]);

export function registerMeetingUnsentNoticeRoutes(app: ApiApp): void {
  app.openapi(unsentRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, meetingId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "meeting", "read_unsent");
    if (!(await getMeeting(db, familyId, meetingId))) throw notFound("That meeting");
    const unsent = await listUnsentMeetingNotices(db, familyId, meetingId);
    await recordAudit(db, c, {
      event: "meeting.unsent_notices.read",
      familyId,
      resourceType: "meeting",
      resourceId: meetingId,
      details: { shown: unsent.length },
    });
    const data = unsent.map((u) => ({
      noticeId: u.noticeId,
      name: u.name,
      kind: "userId" in u.recipient ? ("practitioner" as const) : ("family_member" as const),
      reason: reasonCode(u.reason),
      change: (changes.has(u.change) ? u.change : "booked") as z.infer<
        typeof UnsentNotice
      >["change"],
      at: u.at.toISOString(),
    }));
    return c.json(withAbilities(data, access), 200);
  });
}
