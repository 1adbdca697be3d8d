import { correctionRequests, type Executor, recordCorrections } from "@teamaround/db";
import { AppError, notFound } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiEnv } from "../app-env";
import { recordAudit } from "../audit/record-audit";
import { requireClosedRecord } from "./closed-record";
import { lockCorrectionRequest } from "./correction-requests-queries";

interface Decider {
  familyId: string;
  requestId: string;
  userId: string;
  now: Date;
}

/** The request waiting for a decision, locked; 404 when not the family's, 409 once decided. */
async function pendingRequest(tx: Executor, { familyId, requestId }: Decider) {
  const request = await lockCorrectionRequest(tx, familyId, requestId);
  if (!request) throw notFound("That request");
  if (request.status !== "pending") {
    throw new AppError("conflict", "This request has already been decided.");
  }
  return request;
}

/**
 * Accepts a family member's request: appends the correction (in the decider's
 * words, which may differ from the member's) and links it to the request, with
 * both audit events, in the caller's transaction.
 */
export async function acceptCorrectionRequest(
  tx: Executor,
  c: Context<ApiEnv>,
  decider: Decider,
  correction: { section: string; correctedText: string; reason: string },
) {
  const request = await pendingRequest(tx, decider);
  await requireClosedRecord(tx, decider.familyId, request.recordKind, request.recordId);
  const [row] = await tx
    .insert(recordCorrections)
    .values({
      familyId: decider.familyId,
      recordKind: request.recordKind,
      recordId: request.recordId,
      ...correction,
      correctedBy: decider.userId,
      correctedAt: decider.now,
    })
    .returning({ id: recordCorrections.id });
  if (!row) throw new AppError("internal", "The correction was not saved.");
  await tx
    .update(correctionRequests)
    .set({
      status: "accepted",
      decidedBy: decider.userId,
      decidedAt: decider.now,
      correctionId: row.id,
    })
    .where(eq(correctionRequests.id, request.id));
  // Ids only: the words stay in the records, not the audit log.
  await recordAudit(tx, c, {
    event: "correction.create",
    familyId: decider.familyId,
    resourceType: request.recordKind,
    resourceId: request.recordId,
    details: { correctionId: row.id, requestId: request.id },
  });
  await recordAudit(tx, c, {
    event: "correction_request.accept",
    familyId: decider.familyId,
    resourceType: "correction_request",
    resourceId: request.id,
    details: { correctionId: row.id },
  });
}

/** Declines a family member's request with the reason they will read, audited by id. */
export async function declineCorrectionRequest(
  tx: Executor,
  c: Context<ApiEnv>,
  decider: Decider,
  reason: string,
) {
  const request = await pendingRequest(tx, decider);
  await tx
    .update(correctionRequests)
    .set({
      status: "declined",
      decidedBy: decider.userId,
      decidedAt: decider.now,
      declineReason: reason,
    })
    .where(eq(correctionRequests.id, request.id));
  await recordAudit(tx, c, {
    event: "correction_request.decline",
    familyId: decider.familyId,
    resourceType: "correction_request",
    resourceId: request.id,
  });
}
