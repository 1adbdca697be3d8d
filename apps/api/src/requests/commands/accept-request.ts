import { randomBytes } from "node:crypto";
import {
  type Executor,
  episodes,
  families,
  familyMembers,
  helpRequests,
  openEpisode,
  openFamily,
  users,
} from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { assertLocalityConfigured } from "../../families/families.routes";
import { updateVersioned } from "../../shared/versioned-update";
import type { HelpRequestRow } from "../load-requests";
import { allocateLead } from "./allocate-lead";

export interface AcceptInput {
  request: HelpRequestRow;
  leadUserId: string;
  levelOfNeed: number;
  /** Where the family lives (see `localityOnAccept`); a known family keeps theirs when null. */
  locality: string | null;
  version: number;
  by: string;
  now: Date;
}

/** The allocated lead must be an active practitioner of the authority who works for an agency. */
export async function assertAllocatableLead(db: Executor, authorityId: string, leadUserId: string) {
  const [lead] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, leadUserId),
        eq(users.authorityId, authorityId),
        eq(users.role, "practitioner"),
        eq(users.status, "active"),
        isNotNull(users.agencyId),
      ),
    );
  if (!lead) {
    const message = "not an active practitioner of this authority with an agency";
    throw new AppError("unprocessable", `The lead professional is ${message}.`, [
      { path: "leadUserId", message },
    ]);
  }
}

/**
 * The locality an acceptance records. A new family takes what triage gives,
 * or else (left out) what the asker gave; null, given, means not known. A
 * known family's own locality changes only when triage gives one.
 */
export function localityOnAccept(
  request: Pick<HelpRequestRow, "familyId" | "locality">,
  given: string | null | undefined,
): string | null {
  if (request.familyId !== null) return given ?? null;
  return given === undefined ? request.locality : given;
}

/**
 * The case an acceptance opens is placed in one of the authority's localities
 * as they are now. The request keeps what the asker said (the figures count
 * requests by it); when triage leaves the locality out and the asker's has
 * been removed from the list since, the decision asks for a current one (or
 * "not known") instead of opening a case in a locality that no longer exists.
 */
export async function assertAcceptLocality(
  db: Executor,
  request: Pick<HelpRequestRow, "authorityId" | "locality">,
  given: string | null | undefined,
  locality: string | null,
) {
  try {
    await assertLocalityConfigured(db, request.authorityId, locality);
  } catch (error) {
    if (given !== undefined || !(error instanceof AppError)) throw error;
    const message = "no longer one of the authority's localities";
    throw new AppError(
      "unprocessable",
      `The person who asked said the family lives in "${request.locality}", which is no longer one of this authority's localities: say where the family lives now, or that it is not known.`,
      [{ path: "locality", message }],
    );
  }
}

const reference = (now: Date) =>
  `EH-${now.getUTCFullYear()}-${randomBytes(3).toString("hex").toUpperCase()}`;

async function openNewFamily(tx: Executor, input: AcceptInput) {
  const { request, now } = input;
  const { family, episode } = await openFamily(tx, {
    family: {
      authorityId: request.authorityId,
      owningAgencyId: request.receivingAgencyId,
      reference: reference(now),
      displayName: request.familyName,
      levelOfNeed: input.levelOfNeed,
      locality: input.locality,
      createdBy: input.by,
    },
    leadId: input.leadUserId,
    origin: "request_for_help",
    openedAt: now,
    requestId: request.id,
  });
  if (request.children.length > 0) {
    await tx.insert(familyMembers).values(
      request.children.map((child) => ({
        familyId: family.id,
        kind: "child" as const,
        givenName: child.givenName,
        familyName: child.familyName,
        dateOfBirth: child.dateOfBirth,
      })),
    );
  }
  return { familyId: family.id, episodeId: episode.id, created: true };
}

/** A family already known comes back: a new episode, only when the last one has closed. */
async function openNextEpisode(tx: Executor, familyId: string, input: AcceptInput) {
  const [last] = await tx
    .select({ number: episodes.number, status: episodes.status })
    .from(episodes)
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number))
    .limit(1)
    .for("update");
  if (last && last.status !== "closed") {
    throw new AppError(
      "conflict",
      "This family already has an open Early Help episode. Ask its lead professional instead.",
    );
  }
  const episode = await openEpisode(tx, {
    familyId,
    number: (last?.number ?? 0) + 1,
    origin: "request_for_help",
    openedAt: input.now,
    openedBy: input.by,
    requestId: input.request.id,
    levelOfNeed: input.levelOfNeed,
  });
  await tx
    .update(families)
    .set({
      status: "assessment_started",
      owningAgencyId: input.request.receivingAgencyId,
      levelOfNeed: input.levelOfNeed,
      ...(input.locality ? { locality: input.locality } : {}),
      closureReason: null,
      closureNote: null,
      closedAt: null,
      version: sql`${families.version} + 1`,
      updatedAt: input.now,
    })
    .where(eq(families.id, familyId));
  await allocateLead(tx, { familyId, leadUserId: input.leadUserId, by: input.by, now: input.now });
  return { familyId, episodeId: episode.id, created: false };
}

/**
 * Accepts a request for help: a new family (owned by the receiving service,
 * its children as members) or a new episode of a known one, the allocated
 * lead in the team, and the request marked accepted. Run inside a transaction.
 */
export async function acceptRequest(tx: Executor, input: AcceptInput) {
  const { request } = input;
  const opened = request.familyId
    ? await openNextEpisode(tx, request.familyId, input)
    : await openNewFamily(tx, input);
  const row = await updateVersioned(
    tx,
    helpRequests,
    {
      id: request.id,
      scope: eq(helpRequests.status, "awaiting_triage"),
      expectedVersion: input.version,
    },
    {
      status: "accepted",
      familyId: opened.familyId,
      episodeId: opened.episodeId,
      allocatedLeadId: input.leadUserId,
      triagedBy: input.by,
      triagedAt: input.now,
    },
  );
  return { ...opened, request: row };
}
