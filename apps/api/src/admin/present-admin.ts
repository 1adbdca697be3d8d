import type { z } from "@hono/zod-openapi";
import { agencies, type Executor, users } from "@teamaround/db";
import { notFound, type UserRole, type UserStatus } from "@teamaround/domain";
import { and, asc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { AdminUserSchema, AgencySchema } from "./admin.schema";

type AgencyRow = typeof agencies.$inferSelect;
type UserRow = typeof users.$inferSelect;
export type AdminUser = z.infer<typeof AdminUserSchema>;

/** An agency; its contact address only for those who manage agencies (administrators). */
export function presentAgency(
  row: AgencyRow,
  options: { withContact: boolean } = { withContact: true },
): z.infer<typeof AgencySchema> {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    active: row.active,
    ...(options.withContact ? { contactEmail: row.contactEmail } : {}),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Never the password hash or TOTP keys: only whether a second factor is set up. */
export function presentAdminUser(user: UserRow, agency: AgencyRow | null): AdminUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    role: user.role,
    agency: agency ? { id: agency.id, name: agency.name, type: agency.type } : null,
    status: user.status,
    totpEnabled: user.totpKey !== null,
    createdAt: user.createdAt.toISOString(),
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    version: user.version,
  };
}

export interface UserFilter {
  role?: UserRole;
  status?: UserStatus;
  q?: string;
}

/** `%` and `_` typed in a search are literal characters, not wildcards. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function selectUsers(db: Executor, where: SQL | undefined) {
  return db
    .select({ user: users, agency: agencies })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(where)
    .orderBy(asc(users.displayName), asc(users.email));
}

export async function listAdminUsers(db: Executor, authorityId: string, filter: UserFilter) {
  const pattern = filter.q ? likePattern(filter.q) : null;
  const rows = await selectUsers(
    db,
    and(
      eq(users.authorityId, authorityId),
      filter.role ? eq(users.role, filter.role) : undefined,
      filter.status ? eq(users.status, filter.status) : undefined,
      pattern ? or(ilike(users.email, pattern), ilike(users.displayName, pattern)) : undefined,
    ),
  );
  return rows.map((r) => presentAdminUser(r.user, r.agency));
}

/** A user of another authority answers exactly like one that does not exist. */
export async function getAuthorityUser(db: Executor, authorityId: string, userId: string) {
  const [row] = await selectUsers(
    db,
    and(eq(users.id, userId), eq(users.authorityId, authorityId)),
  );
  if (!row) throw notFound("That user");
  return row;
}

export async function getAuthorityAgency(db: Executor, authorityId: string, agencyId: string) {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.authorityId, authorityId)));
  if (!row) throw notFound("That agency");
  return row;
}
