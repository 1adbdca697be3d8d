import { auditKinds } from "@teamaround/domain";
import type { AuditSearch } from "./audit-queries";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The audit page's search from the address bar; anything malformed is dropped. */
export function auditSearch(search: Record<string, unknown>): AuditSearch {
  const before = Number(search.before);
  const text = (value: unknown, pattern: RegExp) =>
    typeof value === "string" && pattern.test(value) ? value : undefined;
  const kind = auditKinds.find((k) => k === search.kind);
  return {
    before: Number.isInteger(before) && before > 0 ? before : undefined,
    actorId: text(search.actorId, uuid),
    kind,
    from: text(search.from, isoDay),
    to: text(search.to, isoDay),
  };
}
