import { createRoute } from "@hono/zod-openapi";
import { AppError, authorize } from "@teamaround/domain";
import { presentSetPasswordLink } from "../admin/set-password-link";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { enqueueInvitationNotice } from "../notices/account-notices";
import { isoDay } from "../shared/dates";
import { inviteMember } from "./commands/invite-member";
import { mayHavePortalAccount } from "./member-rules";
import { InvitationBody, InvitationResult, MemberParams } from "./members.schema";
import { getMember } from "./present-member";

const inviteRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/members/{memberId}/invitation",
  tags: ["Family members"],
  summary: "Invite a family member to the family portal (a single-use set-password link)",
  description:
    "For an adult with parental responsibility, or a young person aged 13 or more. " +
    "Sending a new invitation makes earlier links stop working.",
  request: { params: MemberParams, body: jsonBody(InvitationBody) },
  responses: {
    201: jsonResponse(InvitationResult, "The invitation"),
    ...errorResponses(403, 404, 409, 422),
  },
});

export function registerInvitationRoutes(app: ApiApp): void {
  app.openapi(inviteRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, memberId } = c.req.valid("param");
    const { email } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "invitation", "create");
    const member = await getMember(db, familyId, memberId);
    if (!mayHavePortalAccount(member, isoDay(now()))) {
      throw new AppError(
        "unprocessable",
        "Only an adult with parental responsibility, or a young person aged 13 or over, can be invited to the family portal.",
        [{ path: "memberId", message: "not eligible for a family-portal account" }],
      );
    }
    const invited = await db.transaction(async (tx) => {
      const result = await inviteMember(tx, {
        family,
        member,
        email,
        invitedBy: actor.userId,
        now: now(),
      });
      await recordAudit(tx, c, {
        event: "invitation.create",
        familyId,
        resourceType: "member",
        resourceId: memberId,
        details: { userId: result.userId, expiresAt: result.expiresAt.toISOString() },
      });
      await enqueueInvitationNotice(tx, {
        userId: result.userId,
        invitation: result,
        invitedBy: actor.userId,
        familyId,
        now: now(),
      });
      return result;
    });
    await publishFamilyChange(c, familyId, "member", memberId, "updated");
    const link = presentSetPasswordLink(c, invited.userId, invited);
    return c.json(withAbilities({ userId: invited.userId, ...link }, access), 201);
  });
}
