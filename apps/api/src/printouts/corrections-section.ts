import type { Executor } from "@teamaround/db";
import { type CorrectionRecordKind, can, type FamilyAccess, noticeDay } from "@teamaround/domain";
import { listCorrections } from "../corrections/corrections-queries";
import type { PrintoutWriter } from "./pdf-layout";

export type PrintedCorrection = Awaited<ReturnType<typeof listCorrections>>[number];

/**
 * A closed record's corrections for its printout, oldest first: only for a
 * reader the policy lets read corrections (staff of the case), as on screen.
 */
export async function loadPrintedCorrections(
  db: Executor,
  access: FamilyAccess,
  kind: CorrectionRecordKind,
  recordId: string,
): Promise<PrintedCorrection[]> {
  if (!can(access, "correction", "read")) return [];
  return listCorrections(db, access.familyId, kind, recordId);
}

/** "Corrections" after the record: when, by whom, what was corrected, what it should say, and why. */
export function drawCorrections(w: PrintoutWriter, corrections: readonly PrintedCorrection[]) {
  if (corrections.length === 0) return;
  w.heading("Corrections");
  w.paragraph(
    "The record above is kept as it was written. These corrections were made to it afterwards.",
    { muted: true },
  );
  for (const c of corrections) {
    w.heading(`Corrected on ${noticeDay(c.correctedAt)} by ${c.correctedBy.name}`, 3);
    w.field("What was corrected", c.section);
    w.field("It should say", c.correctedText);
    w.field("Reason", c.reason);
  }
}
