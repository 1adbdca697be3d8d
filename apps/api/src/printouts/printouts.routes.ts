import { createRoute, z } from "@hono/zod-openapi";
import { inRepeatableRead } from "@teamaround/db";
import { authorize, type FamilyAction } from "@teamaround/domain";
import type { Context } from "hono";
import type { ApiApp, ApiEnv } from "../app-env";
import { AssessmentParams } from "../assessment/assessment.schema";
import { recordAudit } from "../audit/record-audit";
import { loadFamilyAccess } from "../families/family-access";
import { errorResponses, FamilyParams } from "../http/openapi";
import { requireActor } from "../http/session";
import { loadMeetingRecord } from "../meetings/commands/load-record";
import { MeetingParams } from "../meetings/meetings.schema";
import { presentMeetingRecord } from "../meetings/present-record";
import { loadPlanItemSight } from "../shared/family-audience";
import { assessmentPdf } from "./assessment-pdf";
import { loadPrintedCorrections } from "./corrections-section";
import { loadFamilyAssessment } from "./family-assessment";
import { familyAudience } from "./family-audience";
import { loadFamilyPlan } from "./family-plan";
import { meetingRecordPdf, recordTitles } from "./meeting-record-pdf";
import { planPdf } from "./plan-pdf";
import { printoutFileName, printoutHeader } from "./printout-header";

const tags = ["Printouts"];

const pdfResponse200 = {
  200: {
    description: "The PDF (A4, tagged), as the family may see it",
    content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
  },
};

const planRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/plan.pdf",
  tags,
  summary:
    "The family's plan as the family may see it, as a PDF (no practitioners' notes, no hidden register entries)",
  request: { params: FamilyParams },
  responses: { ...pdfResponse200, ...errorResponses(404, 429) },
});

const meetingRecordRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/meetings/{meetingId}/record.pdf",
  tags,
  summary: "A held meeting's record as the family may see it, as a PDF (409 before it is held)",
  request: { params: MeetingParams },
  responses: { ...pdfResponse200, ...errorResponses(404, 409, 429) },
});

const assessmentRoute = createRoute({
  method: "get",
  path: "/api/families/{familyId}/assessments/{assessmentId}/assessment.pdf",
  tags,
  summary:
    "The Early Help Assessment as the family may see it, as a PDF (a family member's own words only in their own copy)",
  request: { params: AssessmentParams },
  responses: { ...pdfResponse200, ...errorResponses(404, 429) },
});

/** Loads the family, asks the policy, and hands back what every printout needs. */
async function printoutAccess(
  c: Context<ApiEnv>,
  familyId: string,
  printout: FamilyAction<"printout">,
) {
  const actor = requireActor(c);
  const { db } = c.var.deps;
  const { family, access } = await loadFamilyAccess(db, actor, familyId);
  authorize(access, "printout", printout);
  return { family, access };
}

function pdfResponse(c: Context<ApiEnv>, pdf: Buffer, fileName: string) {
  return c.body(new Uint8Array(pdf), 200, {
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="${fileName}"`,
    "cache-control": "no-store",
  });
}

export function registerPrintoutRoutes(app: ApiApp): void {
  app.openapi(planRoute, async (c) => {
    const { familyId } = c.req.valid("param");
    const { family, access } = await printoutAccess(c, familyId, "plan");
    const { db, now } = c.var.deps;
    const reader = familyAudience(access);
    const plan = await inRepeatableRead(db, (tx) => loadFamilyPlan(tx, family, reader));
    const header = await printoutHeader(db, family, "Our family plan", now());
    const pdf = await planPdf(plan, header, header.leadTitle);
    await recordAudit(db, c, {
      event: "plan.download",
      familyId,
      resourceType: "plan",
      details: { bytes: pdf.length },
    });
    return pdfResponse(c, pdf, printoutFileName("family-plan", family, now()));
  });

  app.openapi(meetingRecordRoute, async (c) => {
    const { familyId, meetingId } = c.req.valid("param");
    const { family, access } = await printoutAccess(c, familyId, "meeting_record");
    const { db, now } = c.var.deps;
    const loaded = await loadMeetingRecord(db, familyId, meetingId, access.actor.userId);
    // The page's presentation, read as the family reads it: no apology reasons, no staff comments.
    const reader = familyAudience(access);
    const sight = await loadPlanItemSight(db, reader);
    const record = presentMeetingRecord(loaded, reader, now(), sight);
    const header = await printoutHeader(db, family, recordTitles[record.meeting.kind], now());
    const corrections = await loadPrintedCorrections(db, access, "meeting_record", meetingId);
    const pdf = await meetingRecordPdf(record, header, corrections);
    await recordAudit(db, c, {
      event: "meeting_record.download",
      familyId,
      resourceType: "meeting",
      resourceId: meetingId,
      details: { bytes: pdf.length, correctionsShown: corrections.length },
    });
    return pdfResponse(c, pdf, printoutFileName("meeting-record", family, now()));
  });

  app.openapi(assessmentRoute, async (c) => {
    const { familyId, assessmentId } = c.req.valid("param");
    const { family, access } = await printoutAccess(c, familyId, "assessment");
    const { db, now } = c.var.deps;
    const assessment = await loadFamilyAssessment(db, access, assessmentId);
    const header = await printoutHeader(db, family, "Early Help Assessment", now());
    const corrections = await loadPrintedCorrections(db, access, "assessment", assessmentId);
    const pdf = await assessmentPdf(assessment, header, corrections);
    await recordAudit(db, c, {
      event: "assessment.download",
      familyId,
      resourceType: "assessment",
      resourceId: assessmentId,
      details: {
        bytes: pdf.length,
        voicesShown: assessment.voices.length,
        correctionsShown: corrections.length,
      },
    });
    return pdfResponse(c, pdf, printoutFileName("early-help-assessment", family, now()));
  });
}
