import { type RetentionRuleKind, retentionDueOn } from "@teamaround/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { retentionReviews } from "../schema/retention-reviews";
import { executeRows } from "./execute-rows";

interface FamilyRetentionFacts {
  family_id: string;
  authority_id: string;
  rule_kind: RetentionRuleKind;
  rule_years: number;
  /** Any episode still open; else the latest closure (null: no episode). */
  open: boolean;
  last_closed_on: string | null;
  /** The youngest child's date of birth, and whether any child's is missing. */
  youngest_born: string | null;
  birth_missing: boolean;
  listed: boolean;
}

/**
 * The daily retention pass: every family whose record the authority's rule
 * makes due on or before `today` is listed in `retention_reviews` (its due
 * day and rule refreshed on each pass); a listed family that is live again
 * (re-opened) leaves the list unless a legal hold stands. Erased families are
 * left alone. Idempotent: several nodes or a missed day list each family once.
 */
export async function refreshRetentionReviews(
  db: Executor,
  today: string,
): Promise<{ listed: number; unlisted: number }> {
  // `listed` counts families newly listed or whose due day or rule changed.
  const facts = await executeRows<FamilyRetentionFacts>(
    db,
    sql`select f.id as family_id, f.authority_id,
          la.retention_rule_kind as rule_kind, la.retention_years as rule_years,
          exists (select 1 from episodes e
                   where e.family_id = f.id and e.closed_at is null) as open,
          (select to_char(max(e.closed_at) at time zone 'UTC', 'YYYY-MM-DD')
             from episodes e where e.family_id = f.id) as last_closed_on,
          (select max(m.date_of_birth)::text
             from family_members m where m.family_id = f.id and m.kind = 'child') as youngest_born,
          exists (select 1 from family_members m where m.family_id = f.id
                   and m.kind = 'child' and m.date_of_birth is null) as birth_missing,
          exists (select 1 from retention_reviews r where r.family_id = f.id) as listed
        from families f
        join local_authorities la on la.id = f.authority_id
        where not exists (select 1 from retention_reviews r
                           where r.family_id = f.id and r.erased_at is not null)`,
  );
  let listed = 0;
  let unlisted = 0;
  for (const family of facts) {
    const due = retentionDueOn(
      {
        // No arrays from SQL (drivers differ on NULL elements): the facts the rule reads.
        episodes: family.open
          ? [{ closedOn: null }]
          : family.last_closed_on
            ? [{ closedOn: family.last_closed_on }]
            : [],
        childDatesOfBirth: family.birth_missing
          ? [null]
          : family.youngest_born
            ? [family.youngest_born]
            : [],
      },
      { kind: family.rule_kind, years: family.rule_years },
    );
    if (due && due.dueOn <= today) {
      const values = {
        dueOn: due.dueOn,
        ruleKind: due.ruleApplied.kind,
        ruleYears: due.ruleApplied.years,
      };
      const inserted = await db
        .insert(retentionReviews)
        .values({ familyId: family.family_id, authorityId: family.authority_id, ...values })
        .onConflictDoUpdate({
          target: retentionReviews.familyId,
          set: values,
          setWhere: sql`(${retentionReviews.dueOn}, ${retentionReviews.ruleKind}, ${retentionReviews.ruleYears})
            is distinct from (excluded.due_on, excluded.rule_kind, excluded.rule_years)`,
        })
        .returning({ familyId: retentionReviews.familyId });
      if (inserted.length > 0) listed += 1;
    } else if (family.listed) {
      const removed = await db
        .delete(retentionReviews)
        .where(
          and(
            eq(retentionReviews.familyId, family.family_id),
            isNull(retentionReviews.heldAt),
            isNull(retentionReviews.erasedAt),
          ),
        )
        .returning({ familyId: retentionReviews.familyId });
      unlisted += removed.length;
    }
  }
  return { listed, unlisted };
}
