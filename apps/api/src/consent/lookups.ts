import { agencies, type Executor, users } from "@teamaround/db";
import { and, eq, inArray } from "drizzle-orm";
import type { Issue } from "./field-checks";

export interface Named {
  id: string;
  name: string;
}

const unique = (ids: readonly (string | null)[]) => [
  ...new Set(ids.filter((id): id is string => id !== null)),
];

/** Agency names by id; unknown ids are simply absent. */
export async function agencyNames(db: Executor, ids: readonly (string | null)[]) {
  const wanted = unique(ids);
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Display names of users (practitioners and family accounts) by id. */
export async function userNames(db: Executor, ids: readonly (string | null)[]) {
  const wanted = unique(ids);
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function named(id: string, names: Map<string, string>, fallback = "Unknown"): Named {
  return { id, name: names.get(id) ?? fallback };
}

/** Issues for any id that is not an active agency of the family's authority. */
export async function activeAgencyIssues(
  db: Executor,
  authorityId: string,
  ids: readonly string[],
  path: string,
): Promise<Issue[]> {
  const wanted = unique(ids);
  if (wanted.length === 0) return [];
  const rows = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(
        inArray(agencies.id, wanted),
        eq(agencies.authorityId, authorityId),
        eq(agencies.active, true),
      ),
    );
  const found = new Set(rows.map((r) => r.id));
  return wanted.some((id) => !found.has(id))
    ? [{ path, message: "not an active agency of this authority" }]
    : [];
}
