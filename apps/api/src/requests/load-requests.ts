import { agencies, type Executor, familyMembers, helpRequests, users } from "@teamaround/db";
import { type Actor, canOnRequest } from "@teamaround/domain";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { HelpRequestSchema } from "./requests.schema";

type HelpRequest = z.infer<typeof HelpRequestSchema>;
export type HelpRequestRow = typeof helpRequests.$inferSelect;

const receiving = alias(agencies, "receiving_agency");
const requesterAgency = alias(agencies, "requester_agency");
const asker = alias(users, "asker");
const triager = alias(users, "triager");
const allocatedLead = alias(users, "allocated_lead");

/** Requests with the names a reader needs; `where` always narrows to what the caller may see. */
async function selectRequests(db: Executor, where: SQL | undefined): Promise<HelpRequest[]> {
  const rows = await db
    .select({
      request: helpRequests,
      receivingName: receiving.name,
      requesterAgencyName: requesterAgency.name,
      askerName: asker.displayName,
      triagerName: triager.displayName,
      leadName: allocatedLead.displayName,
    })
    .from(helpRequests)
    .innerJoin(receiving, eq(receiving.id, helpRequests.receivingAgencyId))
    .innerJoin(asker, eq(asker.id, helpRequests.createdBy))
    .leftJoin(requesterAgency, eq(requesterAgency.id, helpRequests.requesterAgencyId))
    .leftJoin(triager, eq(triager.id, helpRequests.triagedBy))
    .leftJoin(allocatedLead, eq(allocatedLead.id, helpRequests.allocatedLeadId))
    .where(where)
    .orderBy(
      sql`case when ${helpRequests.status} = 'awaiting_triage' then 0 else 1 end`,
      desc(helpRequests.requestedOn),
      asc(helpRequests.createdAt),
    )
    .limit(200);
  const memberIds = rows.flatMap((r) => r.request.childMemberIds);
  const members =
    memberIds.length === 0
      ? []
      : await db
          .select({
            id: familyMembers.id,
            familyId: familyMembers.familyId,
            givenName: familyMembers.givenName,
            familyName: familyMembers.familyName,
            dateOfBirth: familyMembers.dateOfBirth,
          })
          .from(familyMembers)
          .where(inArray(familyMembers.id, memberIds));
  return rows.map((r) => {
    const q = r.request;
    const named = members.filter(
      (m) => m.familyId === q.familyId && q.childMemberIds.includes(m.id),
    );
    const children =
      q.childMemberIds.length > 0
        ? named.map((m) => ({ ...m, memberId: m.id, dateOfBirth: m.dateOfBirth ?? null }))
        : q.children.map((child) => ({ ...child, memberId: null }));
    return {
      id: q.id,
      receivingAgency: { id: q.receivingAgencyId, name: r.receivingName },
      familyId: q.familyId,
      familyName: q.familyName,
      children: children.map(({ givenName, familyName, dateOfBirth, memberId }) => ({
        givenName,
        familyName,
        dateOfBirth,
        memberId,
      })),
      requesterKind: q.requesterKind,
      requesterName: q.requesterName,
      requesterAgency:
        q.requesterAgencyId && r.requesterAgencyName
          ? { id: q.requesterAgencyId, name: r.requesterAgencyName }
          : null,
      askedBy: { id: q.createdBy, displayName: r.askerName },
      requestedOn: q.requestedOn,
      locality: q.locality,
      worries: q.worries,
      familyKnows: q.familyKnows,
      familyAgrees: q.familyAgrees,
      status: q.status,
      signpostedTo: q.signpostedTo,
      triageReason: q.triageReason,
      triagedBy:
        q.triagedBy && r.triagerName ? { id: q.triagedBy, displayName: r.triagerName } : null,
      triagedAt: q.triagedAt?.toISOString() ?? null,
      allocatedLead:
        q.allocatedLeadId && r.leadName ? { id: q.allocatedLeadId, displayName: r.leadName } : null,
      episodeId: q.episodeId,
      reReferralOfEpisodeId: q.reReferralOfEpisodeId,
      version: q.version,
      createdAt: q.createdAt.toISOString(),
    };
  });
}

export async function getRequestRow(db: Executor, requestId: string) {
  const [row] = await db.select().from(helpRequests).where(eq(helpRequests.id, requestId));
  return row ?? null;
}

export async function getRequest(db: Executor, requestId: string): Promise<HelpRequest | null> {
  const [row] = await selectRequests(db, eq(helpRequests.id, requestId));
  return row ?? null;
}

/** Requests to my service (awaiting first), or the ones I asked. */
export function listRequests(db: Executor, actor: Actor, view: "incoming" | "mine") {
  if (view === "mine") return selectRequests(db, eq(helpRequests.createdBy, actor.userId));
  if (actor.agencyId === null) return Promise.resolve([]);
  return selectRequests(db, and(eq(helpRequests.receivingAgencyId, actor.agencyId)));
}

export function requestAbilities(
  actor: Actor,
  row: Pick<HelpRequestRow, "id" | "createdBy" | "receivingAgencyId" | "status">,
) {
  return { triage: canOnRequest(actor, row, "triage") };
}
