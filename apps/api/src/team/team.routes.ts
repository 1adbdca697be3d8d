import { createRoute } from "@hono/zod-openapi";
import { teamMemberships } from "@teamaround/db";
import { AppError, authorize, can, notFound, revocationReasons } from "@teamaround/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishAccessRevoked, publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isUniqueViolation } from "../members/commands/is-unique-violation";
import { addTeamMember } from "./commands/add-team-member";
import { getMembership, listTeam, presentMembership } from "./list-team";
import {
  AddTeamMemberBody,
  MembershipParams,
  MembershipWithAbilities,
  RemoveTeamMemberBody,
  TeamList,
  TeamQuery,
} from "./team.schema";

const tags = ["Team"];

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/team",
  tags,
  summary: "The team around the family",
  request: { params: FamilyParams, query: TeamQuery },
  responses: { 200: jsonResponse(TeamList, "The team"), ...errorResponses(403, 404) },
});

const addRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/team",
  tags,
  summary: "Add a practitioner to the team, on consent or a lawful basis covering their agency",
  request: { params: FamilyParams, body: jsonBody(AddTeamMemberBody) },
  responses: {
    201: jsonResponse(MembershipWithAbilities, "The new team membership"),
    ...errorResponses(403, 404, 409, 422),
  },
});

const removeRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/team/{membershipId}/remove",
  tags,
  summary: "Remove a practitioner from the team",
  request: { params: MembershipParams, body: jsonBody(RemoveTeamMemberBody) },
  responses: {
    200: jsonResponse(MembershipWithAbilities, "The ended membership"),
    ...errorResponses(403, 404, 409, 422),
  },
});

export function registerTeamRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const includeFormer = c.req.valid("query").includeFormer === "true";
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "team", includeFormer ? "read_former" : "read");
    const rows = await listTeam(db, familyId, includeFormer);
    await recordAudit(db, c, {
      event: "team.list",
      familyId,
      resourceType: "team",
      details: { includeFormer, count: rows.length },
    });
    const showBasis = can(access, "lawful_basis", "read");
    return c.json(
      withAbilities(
        rows.map((r) => presentMembership(r, showBasis)),
        access,
      ),
      200,
    );
  });

  app.openapi(addRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { family, access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "team", "add");
    const membershipId = await db
      .transaction(async (tx) => {
        const added = await addTeamMember(tx, {
          family,
          ...body,
          addedBy: actor.userId,
          now: now(),
        });
        const { membership } = added;
        await recordAudit(tx, c, {
          event: "team.add",
          familyId,
          resourceType: "team_membership",
          resourceId: membership.id,
          details: {
            userId: membership.userId,
            agencyId: added.agency.id,
            consentId: membership.consentId,
            lawfulBasisId: membership.lawfulBasisId,
          },
        });
        return membership.id;
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err))
          throw new AppError("conflict", "This person is already in the family's team.");
        throw err;
      });
    await publishFamilyChange(c, familyId, "team", membershipId, "created");
    const row = await getMembership(db, familyId, membershipId);
    if (!row) throw new AppError("internal", "The team membership was not saved.");
    return c.json(
      withAbilities(presentMembership(row, can(access, "lawful_basis", "read")), access),
      201,
    );
  });

  app.openapi(removeRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, membershipId } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "team", "remove");
    const current = await getMembership(db, familyId, membershipId);
    if (!current) throw notFound("That team membership");
    if (current.membership.role === "lead_professional") {
      const message = "The lead professional cannot be removed. Hand over the lead role first.";
      throw new AppError("unprocessable", message, [{ path: "membershipId", message }]);
    }
    await db.transaction(async (tx) => {
      const ended = await tx
        .update(teamMemberships)
        .set({ removedAt: now(), removedReason: reason })
        .where(
          and(
            eq(teamMemberships.id, membershipId),
            eq(teamMemberships.familyId, familyId),
            eq(teamMemberships.role, "member"),
            isNull(teamMemberships.removedAt),
          ),
        )
        .returning({ id: teamMemberships.id });
      if (ended.length === 0)
        throw new AppError("conflict", "That person has already left the team.");
      await recordAudit(tx, c, {
        event: "team.remove",
        familyId,
        resourceType: "team_membership",
        resourceId: membershipId,
        details: { userId: current.membership.userId, reason },
      });
    });
    const userIds = [current.membership.userId];
    await publishAccessRevoked(c, { familyId, userIds, reason: revocationReasons.removedFromTeam });
    await publishFamilyChange(c, familyId, "team", membershipId, "removed");
    const row = await getMembership(db, familyId, membershipId);
    if (!row) throw notFound("That team membership");
    return c.json(
      withAbilities(presentMembership(row, can(access, "lawful_basis", "read")), access),
      200,
    );
  });
}
