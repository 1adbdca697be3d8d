import { agencies, type Executor, users } from "@teamaround/db";
import { and, asc, eq, ilike, inArray, or } from "drizzle-orm";

export const directoryLimit = 20;

/** `%`, `_` and `\` typed by a person are meant literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Active practitioners and managers of one authority: who they are and where they work, nothing more. */
export async function searchPractitioners(
  db: Executor,
  authorityId: string,
  filter: { q?: string; agencyId?: string },
) {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      jobTitle: users.jobTitle,
      agencyId: agencies.id,
      agencyName: agencies.name,
      agencyType: agencies.type,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        eq(users.authorityId, authorityId),
        eq(users.status, "active"),
        inArray(users.role, ["practitioner", "manager"]),
        filter.agencyId ? eq(users.agencyId, filter.agencyId) : undefined,
        pattern ? or(ilike(users.displayName, pattern), ilike(users.email, pattern)) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(directoryLimit);
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    jobTitle: r.jobTitle,
    agency: { id: r.agencyId, name: r.agencyName, type: r.agencyType },
  }));
}
