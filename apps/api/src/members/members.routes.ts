import { createRoute } from "@hono/zod-openapi";
import { familyMembers } from "@teamaround/db";
import { AppError, authorize } from "@teamaround/domain";
import { asc, eq } from "drizzle-orm";
import type { ApiApp } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { publishFamilyChange } from "../events/publish-after-commit";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import { updateVersioned } from "../shared/versioned-update";
import { assertMemberChangeValid, assertNewMemberValid } from "./member-rules";
import {
  CreateMemberBody,
  MemberList,
  MemberParams,
  MemberWithAbilities,
  UpdateMemberBody,
} from "./members.schema";
import { getMember, presentMember } from "./present-member";

const tags = ["Family members"];

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/members",
  tags,
  summary: "The family's children and adults",
  request: { params: FamilyParams },
  responses: { 200: jsonResponse(MemberList, "The family members"), ...errorResponses(404) },
});

const createMemberRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/members",
  tags,
  summary: "Add a child or an adult to the family",
  request: { params: FamilyParams, body: jsonBody(CreateMemberBody) },
  responses: {
    201: jsonResponse(MemberWithAbilities, "The new family member"),
    ...errorResponses(403, 404, 422),
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/api/families/{familyId}/members/{memberId}",
  tags,
  summary: "Change a family member's details",
  request: { params: MemberParams, body: jsonBody(UpdateMemberBody) },
  responses: {
    200: jsonResponse(MemberWithAbilities, "The updated family member"),
    ...errorResponses(403, 404, 409, 422),
  },
});

export function registerMemberRoutes(app: ApiApp): void {
  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "member", "read");
    const today = isoDay(now());
    const rows = await db
      .select()
      .from(familyMembers)
      .where(eq(familyMembers.familyId, familyId))
      .orderBy(
        asc(familyMembers.kind),
        asc(familyMembers.dateOfBirth),
        asc(familyMembers.createdAt),
      );
    await recordAudit(db, c, {
      event: "member.list",
      familyId,
      resourceType: "member",
      details: { count: rows.length },
    });
    return c.json(
      withAbilities(
        rows.map((row) => presentMember(row, access, today)),
        access,
      ),
      200,
    );
  });

  app.openapi(createMemberRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "member", "create");
    assertNewMemberValid(body.dateOfBirth, isoDay(now()));
    const member = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(familyMembers)
        .values({ ...body, familyId })
        .returning();
      if (!row) throw new AppError("internal", "The family member was not saved.");
      await recordAudit(tx, c, {
        event: "member.create",
        familyId,
        resourceType: "member",
        resourceId: row.id,
        details: { kind: row.kind },
      });
      return row;
    });
    await publishFamilyChange(c, familyId, "member", member.id, "created");
    return c.json(withAbilities(presentMember(member, access, isoDay(now())), access), 201);
  });

  app.openapi(updateRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId, memberId } = c.req.valid("param");
    const { version, ...changes } = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "member", "update");
    const current = await getMember(db, familyId, memberId);
    assertMemberChangeValid(current.kind, changes, isoDay(now()));
    const updated = await db.transaction(async (tx) => {
      const row = await updateVersioned(
        tx,
        familyMembers,
        { id: memberId, scope: eq(familyMembers.familyId, familyId), expectedVersion: version },
        changes,
      );
      await recordAudit(tx, c, {
        event: "member.update",
        familyId,
        resourceType: "member",
        resourceId: memberId,
        details: { changed: Object.keys(changes) },
      });
      return row;
    });
    await publishFamilyChange(c, familyId, "member", memberId, "updated");
    return c.json(withAbilities(presentMember(updated, access, isoDay(now())), access), 200);
  });
}
