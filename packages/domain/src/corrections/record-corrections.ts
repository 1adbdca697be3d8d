/**
 * Records that become read-only once closed, and so are corrected only by an
 * appended correction with a reason: an assessment, a review or the closure
 * of a closed episode, and the record of a meeting that has ended.
 */
export const correctionRecordKinds = ["assessment", "review", "closure", "meeting_record"] as const;
export type CorrectionRecordKind = (typeof correctionRecordKinds)[number];

export const correctionRecordWords: Record<CorrectionRecordKind, string> = {
  assessment: "Early Help Assessment",
  review: "review",
  closure: "closure record",
  meeting_record: "meeting record",
};

/**
 * A family member's request to correct a closed record they can see: waiting
 * for the lead or a service manager, then accepted (a correction is appended,
 * linked to the request) or declined with a reason.
 */
export const correctionRequestStatuses = ["pending", "accepted", "declined"] as const;
export type CorrectionRequestStatus = (typeof correctionRequestStatuses)[number];
