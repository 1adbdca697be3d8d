import { agencies, type Executor, users } from "@teamaround/db";
import { AppError, roleNeedsAgency, type UserRole } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";

export async function assertActiveAgency(db: Executor, authorityId: string, agencyId: string) {
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
  if (!agency) {
    throw new AppError("unprocessable", "Choose an active agency of this authority.", [
      { path: "agencyId", message: "not an active agency of this authority" },
    ]);
  }
}

export function assertAgencyForRole(role: UserRole, agencyId: string | null | undefined) {
  if (roleNeedsAgency(role) && !agencyId) {
    throw new AppError("unprocessable", "Practitioners and managers must belong to an agency.", [
      { path: "agencyId", message: "required for practitioners and managers" },
    ]);
  }
}

export async function assertEmailFree(db: Executor, email: string) {
  const [clash] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (clash) throw emailTaken();
}

export function emailTaken(): AppError {
  return new AppError("conflict", "An account with this email already exists.", [
    { path: "email", message: "already used by another account" },
  ]);
}

/** Postgres' unique_violation, however the driver wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
