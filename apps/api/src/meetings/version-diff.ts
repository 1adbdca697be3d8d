import {
  type DocumentKind,
  documentKinds,
  documentSections,
  type PlanVersionContent,
  type VersionAction,
  type VersionOutcome,
} from "@teamaround/domain";
import { diffWords } from "diff";

export interface TextPart {
  kind: "added" | "removed" | "unchanged";
  text: string;
}

export interface SectionDiff {
  document: DocumentKind;
  section: string;
  changed: boolean;
  parts: TextPart[];
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RecordChange<T> {
  id: string;
  /** The record as it stands in the newer version. */
  after: T;
  changes: FieldChange[];
}

export interface VersionDiff {
  sections: SectionDiff[];
  actions: {
    added: VersionAction[];
    changed: RecordChange<VersionAction>[];
    done: RecordChange<VersionAction>[];
    removed: VersionAction[];
  };
  outcomes: { added: VersionOutcome[]; changed: RecordChange<VersionOutcome>[] };
}

/** A word diff gives up after this long and reports the whole section replaced. */
const diffTimeoutMs = 500;

/**
 * What changed from `before` (null: nothing, as before the first version) to
 * `after`: narrative text per section of the documents both sides show, and
 * actions and outcomes by id.
 */
export function diffVersions(
  before: PlanVersionContent | null,
  after: PlanVersionContent,
): VersionDiff {
  return {
    sections: diffSections(before, after),
    actions: diffActions(before?.actions ?? [], after.actions),
    outcomes: diffOutcomes(before?.outcomes ?? [], after.outcomes),
  };
}

function diffSections(before: PlanVersionContent | null, after: PlanVersionContent): SectionDiff[] {
  return documentKinds.flatMap((document) => {
    const newer = after.documents[document];
    if (!newer) return [];
    const older = before?.documents[document] ?? {};
    return documentSections[document].map((section) => {
      const parts = diffText(older[section] ?? "", newer[section] ?? "");
      return { document, section, changed: parts.some((p) => p.kind !== "unchanged"), parts };
    });
  });
}

export function diffText(older: string, newer: string): TextPart[] {
  if (older === newer) return older ? [{ kind: "unchanged", text: older }] : [];
  const changes = diffWords(older, newer, { timeout: diffTimeoutMs });
  if (!changes) {
    return [
      ...(older ? [{ kind: "removed" as const, text: older }] : []),
      ...(newer ? [{ kind: "added" as const, text: newer }] : []),
    ];
  }
  return changes.map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "unchanged",
    text: change.value,
  }));
}

const actionFields = ["text", "dueDate", "status", "outcomeId", "owners"] as const;
const outcomeFields = ["area", "title", "measure", "targetDate", "status"] as const;

function fieldChanges<T>(older: T, newer: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields.flatMap((field) =>
    JSON.stringify(older[field]) === JSON.stringify(newer[field])
      ? []
      : [{ field, before: older[field], after: newer[field] }],
  );
}

function diffActions(older: VersionAction[], newer: VersionAction[]): VersionDiff["actions"] {
  const previous = new Map(older.map((a) => [a.id, a]));
  const current = new Set(newer.map((a) => a.id));
  const result: VersionDiff["actions"] = { added: [], changed: [], done: [], removed: [] };
  for (const action of newer) {
    const was = previous.get(action.id);
    if (!was) {
      result.added.push(action);
      continue;
    }
    const changes = fieldChanges(was, action, actionFields);
    if (changes.length === 0) continue;
    const becameDone = was.status !== "done" && action.status === "done";
    (becameDone ? result.done : result.changed).push({ id: action.id, after: action, changes });
  }
  result.removed = older.filter((a) => !current.has(a.id));
  return result;
}

function diffOutcomes(older: VersionOutcome[], newer: VersionOutcome[]): VersionDiff["outcomes"] {
  const previous = new Map(older.map((o) => [o.id, o]));
  const result: VersionDiff["outcomes"] = { added: [], changed: [] };
  for (const outcome of newer) {
    const was = previous.get(outcome.id);
    if (!was) {
      result.added.push(outcome);
      continue;
    }
    const changes = fieldChanges(was, outcome, outcomeFields);
    if (changes.length > 0) result.changed.push({ id: outcome.id, after: outcome, changes });
  }
  return result;
}
