import type { z } from "@hono/zod-openapi";
import { type Executor, executeRows } from "@teamaround/db";
import { describeRetentionRule, type RetentionRuleKind } from "@teamaround/domain";
import { type SQL, sql } from "drizzle-orm";
import type { RetentionReviewSchema } from "./retention.schema";

interface ReviewRow {
  family_id: string;
  reference: string;
  closed_on: string | null;
  due_on: string;
  rule_kind: RetentionRuleKind;
  rule_years: number;
  extended_until: string | null;
  extension_reason: string | null;
  hold_reason: string | null;
  held_by: string | null;
  held_at: string | Date | null;
  version: number;
}

function select(where: SQL) {
  return sql`select r.family_id, f.reference,
      (select to_char(max(e.closed_at) at time zone 'UTC', 'YYYY-MM-DD') from episodes e
        where e.family_id = r.family_id) as closed_on,
      r.due_on::text as due_on, r.rule_kind, r.rule_years, r.extended_until::text as extended_until,
      r.extension_reason, r.hold_reason, u.display_name as held_by, r.held_at, r.version
    from retention_reviews r
    join families f on f.id = r.family_id
    left join users u on u.id = r.held_by
    where r.erased_at is null and ${where}`;
}

/**
 * The authority's records due for review today: listed by the daily job, not
 * erased, and not kept by an extension still running (a held record stays
 * listed, so its hold can be lifted).
 */
export async function listDueReviews(db: Executor, authorityId: string, today: string) {
  const rows = await executeRows<ReviewRow>(
    db,
    sql`${select(sql`r.authority_id = ${authorityId}
          and (r.held_at is not null or r.extended_until is null or r.extended_until <= ${today})`)}
        order by r.due_on, f.reference`,
  );
  return rows.map(present);
}

/** One listed, not erased, review of the authority; undefined answers 404. */
export async function findReview(db: Executor, authorityId: string, familyId: string) {
  const [row] = await executeRows<ReviewRow>(
    db,
    select(sql`r.authority_id = ${authorityId} and r.family_id = ${familyId}`),
  );
  return row ? present(row) : undefined;
}

function present(row: ReviewRow): z.infer<typeof RetentionReviewSchema> {
  const rule = { kind: row.rule_kind, years: row.rule_years };
  return {
    familyId: row.family_id,
    familyReference: row.reference,
    closedOn: row.closed_on,
    dueOn: row.due_on,
    rule,
    ruleWords: describeRetentionRule(rule),
    extendedUntil: row.extended_until,
    extensionReason: row.extension_reason,
    hold:
      row.held_at && row.hold_reason
        ? {
            reason: row.hold_reason,
            heldBy: row.held_by ?? "",
            heldAt: new Date(row.held_at).toISOString(),
          }
        : null,
    version: row.version,
  };
}
