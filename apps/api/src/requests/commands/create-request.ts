import {
  agencies,
  type Executor,
  episodes,
  familyMembers,
  helpRequests,
  type users,
} from "@teamaround/db";
import { type Actor, AppError, authorize, reReferralOf } from "@teamaround/domain";
import { and, desc, eq, inArray } from "drizzle-orm";
import { assertLocalityConfigured } from "../../families/families.routes";
import { loadFamilyAccess } from "../../families/family-access";
import type { CreateHelpRequestBody } from "../requests.schema";

type User = typeof users.$inferSelect;

function unprocessable(path: string, message: string): AppError {
  return new AppError("unprocessable", `The request cannot be made: ${message}.`, [
    { path, message },
  ]);
}

async function assertReceivingAgency(db: Executor, authorityId: string, agencyId: string) {
  const [agency] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(
        eq(agencies.id, agencyId),
        eq(agencies.authorityId, authorityId),
        eq(agencies.active, true),
      ),
    );
  if (!agency) throw unprocessable("receivingAgencyId", "not an active service of this authority");
}

/** The family the request names, when it is known: one the asker can see, with its children. */
async function knownFamily(db: Executor, actor: Actor, familyId: string, childIds: string[]) {
  const { family, access } = await loadFamilyAccess(db, actor, familyId);
  authorize(access, "family", "read");
  const children = await db
    .select({ id: familyMembers.id })
    .from(familyMembers)
    .where(
      and(
        eq(familyMembers.familyId, familyId),
        eq(familyMembers.kind, "child"),
        inArray(familyMembers.id, childIds),
      ),
    );
  if (children.length !== new Set(childIds).size) {
    throw unprocessable("childMemberIds", "each must be a child of this family");
  }
  const [last] = await db
    .select({ id: episodes.id, closedAt: episodes.closedAt })
    .from(episodes)
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number))
    .limit(1);
  return { family, last: last ?? null };
}

/** Validates a request for help against the records and writes it with its audit row. */
export async function createRequest(
  db: Executor,
  actor: Actor,
  user: User,
  body: CreateHelpRequestBody,
  today: string,
) {
  if (body.requestedOn > today) throw unprocessable("requestedOn", "not later than today");
  await assertReceivingAgency(db, user.authorityId, body.receivingAgencyId);
  await assertLocalityConfigured(db, user.authorityId, body.locality);
  const known = body.familyId
    ? await knownFamily(db, actor, body.familyId, body.childMemberIds ?? [])
    : null;
  const [row] = await db
    .insert(helpRequests)
    .values({
      authorityId: user.authorityId,
      receivingAgencyId: body.receivingAgencyId,
      familyId: known?.family.id ?? null,
      familyName: known?.family.displayName ?? body.familyName ?? "",
      children: (body.children ?? []).map((child) => ({
        givenName: child.givenName,
        familyName: child.familyName,
        dateOfBirth: child.dateOfBirth ?? null,
      })),
      childMemberIds: [...new Set(body.childMemberIds ?? [])],
      requesterKind: body.requesterKind,
      requesterAgencyId: body.requesterKind === "practitioner" ? actor.agencyId : null,
      requesterName: body.requesterName ?? user.displayName,
      requesterEmail: body.requesterKind === "family" ? (body.requesterEmail ?? null) : null,
      requestedOn: body.requestedOn,
      locality: body.locality ?? null,
      worries: body.worries,
      familyKnows: body.familyKnows,
      familyAgrees: body.familyAgrees,
      reReferralOfEpisodeId: known ? reReferralOf(known.last, body.requestedOn) : null,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new AppError("internal", "The request was not saved.");
  return row;
}
