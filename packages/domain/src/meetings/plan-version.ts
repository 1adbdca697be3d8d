import type { FamilyAccess } from "../authorization/actor";
import { everythingSeen, type PlanItemSight } from "../authorization/family-audience";
import { documentAccess } from "../documents/document.policy";
import { type DocumentKind, documentKinds } from "../documents/document-name";
import type { ActionOwner } from "../plan/action-owner";
import type { ActionStatus, OutcomeArea, OutcomeStatus } from "../shared/vocabulary";
import type { AgendaItem, MeetingKind } from "./meeting.schema";

/** Bumped when the shape of stored content changes; old versions keep their own. */
export const planVersionFormat = 1;

export interface VersionOutcome {
  id: string;
  area: OutcomeArea;
  title: string;
  measure: string;
  targetDate: string;
  status: OutcomeStatus;
}

/** As the live plan presents it (`presentActionOwner`). */
export type VersionOwner = ActionOwner;

export interface VersionAction {
  id: string;
  outcomeId: string;
  text: string;
  dueDate: string;
  status: ActionStatus;
  completedAt: string | null;
  owners: VersionOwner[];
}

export interface VersionAttendance {
  userId: string;
  name: string;
  agencyName: string | null;
  joinedAt: string;
  leftAt: string | null;
}

export interface VersionChatMessage {
  id: string;
  authorUserId: string;
  authorName: string;
  body: string;
  sentAt: string;
}

export interface VersionDecision {
  id: string;
  text: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

/** Plain text per section, per document. */
export type VersionDocuments = Partial<Record<DocumentKind, Record<string, string>>>;

/** Everything a plan version records, as JSON; dates are ISO strings. */
export interface PlanVersionContent {
  format: typeof planVersionFormat;
  meeting: {
    id: string;
    kind: MeetingKind;
    scheduledFor: string;
    startedAt: string | null;
    endedAt: string;
    chairUserId: string;
    agenda: AgendaItem[];
  };
  documents: VersionDocuments;
  outcomes: VersionOutcome[];
  actions: VersionAction[];
  attendance: VersionAttendance[];
  chat: VersionChatMessage[];
  decisions: VersionDecision[];
}

/** Each document's Yjs state (`Y.encodeStateAsUpdate`), base64. */
export type VersionSnapshots = Partial<Record<DocumentKind, string>>;

/**
 * The part of a version the caller may see: documents they may not open
 * (for family members, the practitioners' notes) are taken out of both the
 * text and the snapshots, and outcomes and actions whose audience within the
 * family leaves them out (`sight`, read from the items' current audiences)
 * are left out. The rest of a version is what every insider reads.
 */
export function versionForAudience(
  access: FamilyAccess,
  content: PlanVersionContent,
  snapshots: VersionSnapshots,
  sight: PlanItemSight = everythingSeen,
): { content: PlanVersionContent; snapshots: VersionSnapshots; hiddenDocuments: DocumentKind[] } {
  const hidden = documentKinds.filter((kind) => documentAccess(access, kind) === "none");
  const documents: VersionDocuments = { ...content.documents };
  const visibleSnapshots: VersionSnapshots = { ...snapshots };
  for (const kind of hidden) {
    delete documents[kind];
    delete visibleSnapshots[kind];
  }
  return {
    content: {
      ...content,
      documents,
      outcomes: content.outcomes.filter((o) => sight.outcome(o.id)),
      actions: content.actions.filter((a) => sight.action(a.id)),
    },
    snapshots: visibleSnapshots,
    hiddenDocuments: hidden,
  };
}
