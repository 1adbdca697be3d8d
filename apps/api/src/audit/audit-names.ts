import { actions, type Executor, outcomes } from "@teamaround/db";
import type { AuditActor, UserRole } from "@teamaround/domain";
import { and, eq, inArray } from "drizzle-orm";

/** The columns every audit query selects to name who acted. */
export interface StoredActor {
  actor_id: string | null;
  actor_role: UserRole | null;
  actor_name: string | null;
  agency_name: string | null;
  details: Record<string, unknown> | null;
}

/** Who acted, in words: a guest is named by what they gave at the door; null is the system. */
export function actorOf(row: StoredActor): AuditActor | null {
  const guest = row.details?.guest as { name?: string; organisation?: string | null } | undefined;
  if (row.actor_role === "guest" && guest) {
    return { name: guest.name ?? row.actor_name, agency: guest.organisation ?? null };
  }
  if (row.actor_id === null) return null;
  return { name: row.actor_name, agency: row.agency_name };
}

/** The names of the actions and outcomes the rows mention, by id, for "added the action ‘…’". */
export async function subjectsOf(
  db: Executor,
  familyId: string,
  rows: readonly { resource_type: string | null; resource_id: string | null }[],
): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(
      rows.flatMap((r) =>
        r.resource_type === type && r.resource_id && isUuid(r.resource_id) ? [r.resource_id] : [],
      ),
    ),
  ];
  const actionIds = idsOf("action");
  const outcomeIds = idsOf("outcome");
  const [actionRows, outcomeRows] = await Promise.all([
    actionIds.length === 0
      ? []
      : db
          .select({ id: actions.id, name: actions.text })
          .from(actions)
          .where(and(eq(actions.familyId, familyId), inArray(actions.id, actionIds))),
    outcomeIds.length === 0
      ? []
      : db
          .select({ id: outcomes.id, name: outcomes.title })
          .from(outcomes)
          .where(and(eq(outcomes.familyId, familyId), inArray(outcomes.id, outcomeIds))),
  ]);
  return new Map([...actionRows, ...outcomeRows].map((r) => [r.id, r.name]));
}

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
