import type { ClosureReason, EpisodeOrigin, EpisodeStatus, FamilyStatus } from "@teamaround/domain";
import type { Executor } from "../client";
import { episodeEvents, episodes } from "../schema/episodes";
import { families } from "../schema/families";
import { teamMemberships } from "../schema/team-memberships";

export type FamilyRowInsert = typeof families.$inferInsert;

/** The episode status a family status stands for. */
export function episodeStatusOf(status: FamilyStatus): EpisodeStatus {
  if (status === "assessment_started") return "assessment";
  if (status === "plan_active") return "plan_in_place";
  return "closed";
}

/** The family status that mirrors an episode's status (families.status is kept in step). */
export function familyStatusOf(status: EpisodeStatus): FamilyStatus {
  if (status === "assessment") return "assessment_started";
  if (status === "plan_in_place") return "plan_active";
  return "closed";
}

export interface OpenFamilyInput {
  family: FamilyRowInsert;
  leadId: string;
  origin: EpisodeOrigin;
  openedAt: Date;
  requestId?: string | null;
}

/**
 * Creates a family with its lead professional and its first Early Help
 * episode (and the episode's "opened" event). Every path that creates a
 * family — the API, the demo seed, the test factories — goes through here,
 * so no family ever exists without an episode. Call inside a transaction.
 */
export async function openFamily(db: Executor, input: OpenFamilyInput) {
  const [family] = await db
    .insert(families)
    .values({
      ...input.family,
      origin: input.origin === "stepped_down" ? "stepped_down" : "early_help_request",
    })
    .returning();
  if (!family) throw new Error("The family was not saved.");
  await db.insert(teamMemberships).values({
    familyId: family.id,
    userId: input.leadId,
    role: "lead_professional",
    addedBy: input.leadId,
    addedAt: input.openedAt,
  });
  const episode = await openEpisode(db, {
    familyId: family.id,
    number: 1,
    origin: input.origin,
    openedAt: input.openedAt,
    openedBy: input.leadId,
    requestId: input.requestId ?? null,
    levelOfNeed: family.levelOfNeed,
    status: episodeStatusOf(family.status),
    closedAt: family.closedAt,
    closureReason: family.closureReason,
    closureSummary: family.closureNote,
  });
  return { family, episode };
}

/** Opens an episode with its "opened" event. The caller keeps families.status in step. */
export async function openEpisode(
  db: Executor,
  input: {
    familyId: string;
    number: number;
    origin: EpisodeOrigin;
    openedAt: Date;
    openedBy: string | null;
    requestId: string | null;
    levelOfNeed: number;
    /** Only for records created already advanced (demo history, test factories). */
    status?: EpisodeStatus;
    closedAt?: Date | null;
    closureReason?: ClosureReason | null;
    closureSummary?: string | null;
  },
) {
  const status = input.status ?? "assessment";
  const [episode] = await db
    .insert(episodes)
    .values({
      familyId: input.familyId,
      number: input.number,
      origin: input.origin,
      openedAt: input.openedAt,
      openedBy: input.openedBy,
      requestId: input.requestId,
      status,
      planInPlaceAt: status === "assessment" ? null : input.openedAt,
      ...(status === "closed"
        ? {
            closedAt: input.closedAt ?? input.openedAt,
            closedBy: input.openedBy,
            closureReason: input.closureReason ?? "other_service",
            closureSummary: input.closureSummary ?? null,
          }
        : {}),
    })
    .returning();
  if (!episode) throw new Error("The episode was not saved.");
  await db.insert(episodeEvents).values({
    episodeId: episode.id,
    familyId: input.familyId,
    kind: "opened",
    at: input.openedAt,
    by: input.openedBy,
    levelOfNeed: input.levelOfNeed,
  });
  return episode;
}
