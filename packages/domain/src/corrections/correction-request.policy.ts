import type { FamilyAccess } from "../authorization/actor";
import { can } from "../authorization/family-policy";
import type { CorrectionRecordKind } from "./record-corrections";

/** Whether the reader may see the record a correction request is about (the family's own view). */
const recordReadable: Record<CorrectionRecordKind, (access: FamilyAccess) => boolean> = {
  meeting_record: (access) => can(access, "meeting", "read"),
  assessment: (access) => can(access, "assessment", "read"),
  closure: (access) => can(access, "episode", "read"),
  review: (access) => can(access, "review", "read"),
};

/** A family member may ask for a correction only to a kind of record they may read. */
export function canRequestCorrection(access: FamilyAccess, kind: CorrectionRecordKind): boolean {
  return can(access, "correction_request", "create") && recordReadable[kind](access);
}

/**
 * Who sees one request: the lead and service managers see every request of
 * the family; a family member sees only the requests they made.
 */
export function canSeeCorrectionRequest(
  access: FamilyAccess,
  request: { requestedBy: string },
): boolean {
  if (!can(access, "correction_request", "read")) return false;
  if (can(access, "correction_request", "decide")) return true;
  return request.requestedBy === access.actor.userId;
}
