import {
  actionOwners,
  actions,
  type Executor,
  episodes,
  executeRows,
  families,
  outcomes,
  teamMemberships,
} from "@teamaround/db";
import type { Actor } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import type { RequestMeta } from "../../app-env";
import { type MyActionsStatus, presentMyAction } from "./list-my-actions";

interface StaffActionRow {
  id: string;
  family_id: string;
  outcome_id: string;
  text: string;
  due_date: string;
  status: "open" | "done";
  version: number;
  family_reference: string;
  family_display_name: string;
  family_status: (typeof families.$inferSelect)["status"];
  owning_agency_id: string;
  outcome_title: string;
  team_role: "lead_professional" | "member";
}

/**
 * A practitioner's or manager's "my actions" and the audit events that record
 * the read, in one statement (a data-modifying CTE): one event per family shown,
 * naming the actions shown from it, or one event with a count of 0 when the
 * list is empty. One round trip and one commit instead of a read and a write.
 *
 * The read: actions the user owns in families whose team they are still in,
 * of each family's current episode (as `isOnMyActionList` says; the security
 * list-visibility test keeps the two in step). Staff see every audience, so
 * the rows are the answer as they come.
 */
export async function listMyActionsAudited(
  db: Executor,
  actor: Actor,
  status: MyActionsStatus,
  today: string,
  meta: RequestMeta,
) {
  if (actor.role === "family_member" || actor.role === "guest") {
    throw new Error("listMyActionsAudited is for staff: a guest's events need their name");
  }
  const statusFilter = status === "all" ? sql`` : sql`and ${actions.status} = ${status}`;
  const rows = await executeRows<StaffActionRow>(
    db,
    sql`with shown as (
        select ${actions.id} as id, ${actions.familyId} as family_id,
          ${actions.outcomeId} as outcome_id, ${actions.text} as text,
          ${actions.dueDate}::text as due_date, ${actions.status} as status,
          ${actions.version} as version, ${actions.createdAt} as created_at,
          (${actions.status} = 'open' and ${actions.dueDate} < ${today}::date) as overdue,
          ${families.reference} as family_reference,
          ${families.displayName} as family_display_name,
          ${families.status} as family_status, ${families.owningAgencyId} as owning_agency_id,
          ${outcomes.title} as outcome_title, ${teamMemberships.role} as team_role
        from ${actionOwners}
        join ${actions} on ${actions.id} = ${actionOwners.actionId}
          and ${actions.familyId} = ${actionOwners.familyId}
        join ${teamMemberships} on ${teamMemberships.familyId} = ${actions.familyId}
          and ${teamMemberships.userId} = ${actor.userId} and ${teamMemberships.removedAt} is null
        join ${outcomes} on ${outcomes.id} = ${actions.outcomeId}
          and ${outcomes.familyId} = ${actions.familyId}
        join ${families} on ${families.id} = ${actions.familyId}
        where ${actionOwners.userId} = ${actor.userId}
          and ${outcomes.episodeId} = (
            select latest.id from ${episodes} latest
            where latest.family_id = ${actions.familyId}
            order by latest.number desc limit 1)
          ${statusFilter}
      ),
      logged as (
        insert into audit_events
          (actor_id, actor_role, event, family_id, resource_type, ip_address, user_agent, details)
        select ${actor.userId}::uuid, ${actor.role}::user_role, 'my_actions.list', s.family_id, 'action',
          ${meta.ipAddress}, ${meta.userAgent},
          jsonb_build_object('status', ${status}::text, 'actionIds',
            jsonb_agg(s.id order by s.overdue desc, s.due_date, s.created_at, s.id))
        from shown s group by s.family_id
        union all
        select ${actor.userId}::uuid, ${actor.role}::user_role, 'my_actions.list', null, null,
          ${meta.ipAddress}, ${meta.userAgent},
          jsonb_build_object('status', ${status}::text, 'count', 0)
        where not exists (select 1 from shown)
        returning 1
      )
      select s.* from shown s order by s.overdue desc, s.due_date, s.created_at, s.id`,
  );
  return rows.map((r) =>
    presentMyAction(
      {
        action: {
          id: r.id,
          outcomeId: r.outcome_id,
          text: r.text,
          dueDate: r.due_date,
          status: r.status,
          version: Number(r.version),
        },
        family: {
          id: r.family_id,
          reference: r.family_reference,
          displayName: r.family_display_name,
          status: r.family_status,
          owningAgencyId: r.owning_agency_id,
        },
        outcomeTitle: r.outcome_title,
        teamRole: r.team_role,
        memberId: null,
        memberPr: false,
      },
      actor,
      today,
    ),
  );
}
