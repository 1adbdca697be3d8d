import {
  agencies,
  type Executor,
  getLatestEpisode,
  loadActions,
  loadDocumentParts,
  loadOutcomes,
  meetings,
  teamMemberships,
  users,
} from "@teamaround/db";
import {
  type DocumentKind,
  type FamilyAccess,
  familyDocumentKinds,
  formatDocumentName,
  readStoredDocument,
  type VersionAction,
} from "@teamaround/domain";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { loadPlanItemSight } from "../shared/family-audience";
import { listSharingViews, type SharingView } from "../sharing/list-sharing";

export interface FamilyPlan {
  displayName: string;
  /** Each document the family opens (the plan and their own words), text per section. */
  documents: { kind: DocumentKind; sections: Record<string, string> }[];
  outcomes: (Awaited<ReturnType<typeof loadOutcomes>>[number] & { actions: VersionAction[] })[];
  team: { name: string; jobTitle: string | null; agencyName: string | null; lead: boolean }[];
  nextMeeting: { scheduledFor: Date; location: string | null; live: boolean } | null;
  /** The register entries the family may see (the query leaves the others out). */
  shares: SharingView[];
}

async function loadTeam(db: Executor, familyId: string) {
  const rows = await db
    .select({
      name: users.displayName,
      jobTitle: users.jobTitle,
      agencyName: agencies.name,
      role: teamMemberships.role,
    })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(teamMemberships.familyId, familyId), isNull(teamMemberships.removedAt)))
    .orderBy(asc(teamMemberships.addedAt));
  return rows
    .map(({ role, ...person }) => ({ ...person, lead: role === "lead_professional" }))
    .sort((a, b) => Number(b.lead) - Number(a.lead));
}

async function loadNextMeeting(db: Executor, familyId: string) {
  const [next] = await db
    .select({
      scheduledFor: meetings.scheduledFor,
      location: meetings.location,
      state: meetings.state,
    })
    .from(meetings)
    .where(and(eq(meetings.familyId, familyId), inArray(meetings.state, ["scheduled", "live"])))
    .orderBy(asc(meetings.scheduledFor))
    .limit(1);
  return next ? { ...next, live: next.state === "live" } : null;
}

/**
 * The current plan as the family may see it, read only from what the family
 * may read: the documents a family member opens (never the practitioners'
 * notes), outcomes and actions without their progress notes, the team as it
 * is now, and the register entries marked for the family. Read inside one
 * repeatable-read transaction, as a plan version is. `reader` is the family as
 * the printout's audience (`familyAudience`): a member downloading sees only
 * what their audience allows; staff print what the whole family may see.
 */
export async function loadFamilyPlan(
  db: Executor,
  family: { id: string; displayName: string },
  reader: FamilyAccess,
): Promise<FamilyPlan> {
  const familyId = family.id;
  const documents: FamilyPlan["documents"] = [];
  for (const kind of familyDocumentKinds) {
    const parts = await loadDocumentParts(db, formatDocumentName({ kind, familyId }));
    documents.push({ kind, sections: readStoredDocument(kind, parts).sections });
  }
  const episode = await getLatestEpisode(db, familyId);
  const outcomeRows = await loadOutcomes(db, familyId, episode.id);
  const actionRows = await loadActions(db, familyId, episode.id);
  const sight = await loadPlanItemSight(db, reader);
  return {
    displayName: family.displayName,
    documents,
    outcomes: outcomeRows
      .filter((o) => o.status !== "dropped" && sight.outcome(o.id))
      .map((o) => ({
        ...o,
        actions: actionRows.filter(
          (a) => a.outcomeId === o.id && a.status !== "dropped" && sight.action(a.id),
        ),
      })),
    team: await loadTeam(db, familyId),
    nextMeeting: await loadNextMeeting(db, familyId),
    shares: await listSharingViews(db, familyId, { includeHidden: false, seenBy: reader }),
  };
}
