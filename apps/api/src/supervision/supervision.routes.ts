import { createRoute } from "@hono/zod-openapi";
import { supervisionNotes } from "@teamaround/db";
import { AppError, authorize, SupervisionNoteInput } from "@teamaround/domain";
import type { ApiApp } from "../app-env";
import { currentEpisode } from "../assessment/commands/journey-lookups";
import { recordAudit } from "../audit/record-audit";
import { currentLeadId } from "../case-audits/case-audit-queries";
import { loadFamilyAccess, withAbilities } from "../families/family-access";
import { errorResponses, FamilyParams, jsonBody, jsonResponse } from "../http/openapi";
import { requireActor } from "../http/session";
import { isoDay } from "../shared/dates";
import { SupervisionNoteList, SupervisionNoteResult } from "./supervision.schema";
import { listSupervisionNotes, presentSupervisionNotes } from "./supervision-queries";

const tags = ["Supervision"];

const recordRoute = createRoute({
  method: "post",
  path: "/api/families/{familyId}/supervision",
  tags,
  summary:
    "Record case supervision with the lead: date, discussion, decisions, next date (managers)",
  request: { params: FamilyParams, body: jsonBody(SupervisionNoteInput) },
  responses: {
    201: jsonResponse(SupervisionNoteResult, "The note"),
    ...errorResponses(403, 404, 422),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/supervision",
  tags,
  summary: "The family's supervision notes, newest first (managers and the lead only)",
  request: { params: FamilyParams },
  responses: { 200: jsonResponse(SupervisionNoteList, "The notes"), ...errorResponses(403, 404) },
});

function checkDates(input: SupervisionNoteInput, today: string) {
  if (input.heldOn > today) {
    throw new AppError("unprocessable", "Supervision cannot be recorded before it is held.", {
      field: "heldOn",
    });
  }
  if (input.nextOn !== undefined && input.nextOn <= input.heldOn) {
    throw new AppError("unprocessable", "The next supervision must come after this one.", {
      field: "nextOn",
    });
  }
}

// No `family.changed` is published: the family and the rest of the team, who
// share the family's live rooms, never learn of supervision notes.
export function registerSupervisionRoutes(app: ApiApp): void {
  app.openapi(recordRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, now } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "supervision", "record");
    checkDates(input, isoDay(now()));
    const row = await db.transaction(async (tx) => {
      const leadUserId = await currentLeadId(tx, familyId);
      if (!leadUserId) {
        throw new AppError("unprocessable", "This family has no lead professional to supervise.");
      }
      const episode = await currentEpisode(tx, familyId);
      const [note] = await tx
        .insert(supervisionNotes)
        .values({
          familyId,
          episodeId: episode.id,
          managerId: actor.userId,
          leadUserId,
          heldOn: input.heldOn,
          discussion: input.discussion,
          decisions: input.decisions,
          nextOn: input.nextOn ?? null,
        })
        .returning();
      if (!note) throw new AppError("internal", "The note was not saved.");
      await recordAudit(tx, c, {
        event: "supervision.record",
        familyId,
        resourceType: "supervision",
        resourceId: note.id,
        details: { heldOn: note.heldOn, nextOn: note.nextOn },
      });
      return note;
    });
    const [data] = await presentSupervisionNotes(db, [row]);
    if (!data) throw new AppError("internal", "The note was not found after saving.");
    return c.json(withAbilities(data, access), 201);
  });

  app.openapi(listRoute, async (c) => {
    const actor = requireActor(c);
    const { familyId } = c.req.valid("param");
    const { db } = c.var.deps;
    const { access } = await loadFamilyAccess(db, actor, familyId);
    authorize(access, "supervision", "read");
    const data = await presentSupervisionNotes(db, await listSupervisionNotes(db, familyId));
    await recordAudit(db, c, { event: "supervision.list", familyId, resourceType: "supervision" });
    return c.json(withAbilities(data, access), 200);
  });
}
