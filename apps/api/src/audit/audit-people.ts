import { agencies, auditEvents, type Executor, users } from "@teamaround/db";
import { asc, eq } from "drizzle-orm";

/** Everyone who appears in a family's log, for the person filter. */
export async function auditPeople(db: Executor, familyId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.displayName, agency: agencies.name })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(auditEvents.familyId, familyId))
    .orderBy(asc(users.displayName), asc(users.id));
}
