import type { InformationKind, OutcomeArea } from "@teamaround/domain";
import type { Executor } from "../client";
import { openFamily } from "../queries/open-family";
import {
  actionOwners,
  actionProgressNotes,
  actions,
  agreements,
  consents,
  type families,
  familyMembers,
  outcomes,
  sharingRecords,
  teamMemberships,
} from "../schema";

const day = 86_400_000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * day);
export const dateFromNow = (days: number) => daysFromNow(days).toISOString().slice(0, 10);

async function one<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("demo row not inserted");
  return row;
}

/** Small steps for writing a demo family readably; each inserts real rows. */
export function familyBuilder(db: Executor, familyId: string) {
  return {
    member: (values: Omit<typeof familyMembers.$inferInsert, "familyId">) =>
      one(
        db
          .insert(familyMembers)
          .values({ familyId, ...values })
          .returning(),
      ),

    agreement: (memberId: string, recordedBy: string, daysAgo: number) =>
      db
        .insert(agreements)
        .values({ familyId, memberId, agreed: true, recordedBy, agreedAt: daysFromNow(-daysAgo) }),

    consent: (input: {
      givenBy: string;
      covers: string[];
      agencyIds: string[];
      kinds: InformationKind[];
      obtainedBy: string;
      daysAgo: number;
      withheld?: string;
    }) =>
      one(
        db
          .insert(consents)
          .values({
            familyId,
            givenByMemberId: input.givenBy,
            coversMemberIds: input.covers,
            decision: "given",
            agencyIds: input.agencyIds,
            informationKinds: input.kinds,
            withheld: input.withheld ?? null,
            method: "in_person",
            obtainedAt: daysFromNow(-input.daysAgo),
            obtainedBy: input.obtainedBy,
            reviewDate: dateFromNow(365 - input.daysAgo),
          })
          .returning(),
      ),

    /** A practitioner joins the team on a consent, `daysAgo` days ago (when they really joined). */
    teamMember: (userId: string, consentId: string, addedBy: string, daysAgo: number) =>
      db.insert(teamMemberships).values({
        familyId,
        userId,
        role: "member",
        consentId,
        addedBy,
        addedAt: daysFromNow(-daysAgo),
      }),

    share: (values: Omit<typeof sharingRecords.$inferInsert, "familyId">) =>
      db.insert(sharingRecords).values({ familyId, ...values }),

    outcome: (
      area: OutcomeArea,
      title: string,
      measure: string,
      targetInDays: number,
      createdBy: string,
      /** `episodeId`: the episode the outcome was set in (an earlier one's outcomes stay with it). */
      extra: { episodeId: string; createdDaysAgo?: number; status?: "active" | "achieved" },
    ) =>
      one(
        db
          .insert(outcomes)
          .values({
            familyId,
            episodeId: extra.episodeId,
            area,
            title,
            measure,
            targetDate: dateFromNow(targetInDays),
            status: extra.status ?? "active",
            createdBy,
            createdAt: daysFromNow(-(extra.createdDaysAgo ?? 0)),
          })
          .returning(),
      ),

    action: async (input: {
      outcomeId: string;
      text: string;
      dueInDays: number;
      createdBy: string;
      owners: ({ userId: string } | { memberId: string })[];
      done?: boolean;
      /** When a done action was marked done (default yesterday). */
      doneDaysAgo?: number;
      note?: { authorId: string; text: string };
      /** Agreed at a meeting this many days ago (default today). */
      createdDaysAgo?: number;
    }) => {
      const action = await one(
        db
          .insert(actions)
          .values({
            familyId,
            outcomeId: input.outcomeId,
            text: input.text,
            dueDate: dateFromNow(input.dueInDays),
            status: input.done ? "done" : "open",
            completedAt: input.done ? daysFromNow(-(input.doneDaysAgo ?? 1)) : null,
            // Marked done by the practitioner who set it.
            completedBy: input.done ? input.createdBy : null,
            createdBy: input.createdBy,
            createdAt: daysFromNow(-(input.createdDaysAgo ?? 0)),
          })
          .returning(),
      );
      await db
        .insert(actionOwners)
        .values(input.owners.map((o) => ({ familyId, actionId: action.id, ...o })));
      if (input.note) {
        await db.insert(actionProgressNotes).values({
          familyId,
          actionId: action.id,
          authorId: input.note.authorId,
          note: input.note.text,
          createdAt: daysFromNow(-1),
        });
      }
      return action;
    },
  };
}

export async function insertFamily(
  db: Executor,
  values: typeof families.$inferInsert,
  leadId: string,
): Promise<typeof families.$inferSelect> {
  const { family } = await openFamily(db, {
    family: values,
    leadId,
    origin: values.origin === "stepped_down" ? "stepped_down" : "request_for_help",
    openedAt: values.createdAt ?? new Date(),
  });
  return family;
}
