import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../client";
import { textArray, uuidArray } from "./array-params";
import { executeRows } from "./execute-rows";

export interface ErasureResult {
  reference: string;
  /** How many people (members and meeting guests) were pseudonymised. */
  people: number;
}

const erased = "Erased";

/**
 * Removes every piece of personal data of one family, in the caller's
 * transaction (see docs/data-protection.md, "Retention and erasure").
 *
 * Rows that figures and summaries are built on (the family, its episodes and
 * their events, members, scores, outcomes, actions, meetings, reviews,
 * consents, requests) stay, with every name, date of birth, contact, equality
 * detail and free text overwritten, so the summary triggers keep the
 * anonymised counts consistent. Rows that are only personal content (chat,
 * notes on progress, assessment entries, the Yjs documents, sessions) are
 * deleted. The audit trail keeps every row: details that could name someone
 * become "Erased person N". The portal and guest accounts of the family are
 * deactivated and anonymised.
 */
export async function eraseFamily(tx: Transaction, familyId: string): Promise<ErasureResult> {
  await tx.execute(sql`select set_config('teamaround.erasure', 'on', true)`);
  const [family] = await executeRows<{ reference: string }>(
    tx,
    sql`select reference from families where id = ${familyId} for update`,
  );
  if (!family) throw new Error(`eraseFamily: no family ${familyId}`);

  const people = await executeRows<{ id: string; user_id: string | null; label: string }>(
    tx,
    sql`select id, user_id, 'Erased person ' || row_number() over (order by created_at, id) as label
        from (select id, user_id, created_at from family_members where family_id = ${familyId}
              union all
              select id, user_id, created_at from meeting_guests where family_id = ${familyId}) p`,
  );
  const personIds = people.map((p) => p.id);
  const userIds = people.flatMap((p) => (p.user_id ? [p.user_id] : []));
  // Every string that names the family or one of its people, to find them where no id leads.
  const namings = await executeRows<{ value: string }>(
    tx,
    sql`select distinct value from (
          select display_name as value from families where id = ${familyId}
          union all select given_name || ' ' || family_name from family_members where family_id = ${familyId}
          union all select email from family_members where family_id = ${familyId}
          union all select phone from family_members where family_id = ${familyId}
          union all select address from family_members where family_id = ${familyId}
          union all select name from meeting_guests where family_id = ${familyId}
          union all select email from meeting_guests where family_id = ${familyId}
          union all select family_name from help_requests where family_id = ${familyId}
          union all select requester_email from help_requests where family_id = ${familyId}
          union all select email from users where id = any(${uuidArray(userIds)})
          union all select display_name from users where id = any(${uuidArray(userIds)})
        ) v where value is not null and length(value) >= 5`,
  );
  const names = namings.map((n) => n.value);
  const mentions = (column: SQL) =>
    names.length === 0
      ? sql`false`
      : sql`${column} ilike any(${textArray(names.map((n) => `%${escapeLike(n)}%`))})`;
  const F = familyId;
  const users = uuidArray(userIds);

  const statements: SQL[] = [
    // The audit trail first, while the strings it may hold are still known.
    sql`update audit_events a set
          details = jsonb_build_object('erased', coalesce(
            (select p.label from (values ${personValues(people)}) p(id, user_id, label)
              where a.resource_id = p.id::text or a.actor_id = p.user_id), 'details removed')),
          ip_address = case when a.actor_id = any(${users}) then null else a.ip_address end,
          user_agent = case when a.actor_id = any(${users}) then null else a.user_agent end
        where a.family_id = ${F} or a.actor_id = any(${users})
           or a.resource_id = any(${textArray([F, ...personIds, ...userIds])})
           or ${mentions(sql`a.details::text`)}`,
    // Content only: deleted.
    sql`delete from document_updates where family_id = ${F}`,
    sql`delete from document_snapshots where family_id = ${F}`,
    sql`delete from meeting_chat_messages where family_id = ${F}`,
    sql`delete from action_progress_notes where family_id = ${F}`,
    sql`delete from assessment_entries where family_id = ${F}`,
    sql`delete from drift_items where family_id = ${F}`,
    // Rows figures are built on: kept, personal fields overwritten.
    sql`update families set display_name = 'Erased family', closure_note = null where id = ${F}`,
    sql`update episodes set closure_summary = null where family_id = ${F}`,
    sql`update episode_events set note = null where family_id = ${F}`,
    sql`update family_members m set given_name = ${erased},
          family_name = 'person ' || (select row_number from (
            select id, row_number() over (order by created_at, id) from family_members
            where family_id = ${F}) n where n.id = m.id),
          date_of_birth = null, school = null, relationship = null, address = null, phone = null,
          email = null, preferred_language = null, communication_needs = null, gp_practice = null,
          ethnicity = null, religion = null, disability_or_sen = null
        where family_id = ${F}`,
    sql`update meeting_guests set name = ${erased}, organisation = ${erased},
          email = 'erased-' || id || '@erased.invalid', role_words = ${erased}
        where family_id = ${F}`,
    sql`update actions set text = ${erased} where family_id = ${F}`,
    sql`update agreements set note = null where family_id = ${F}`,
    sql`update assessments set return_comments = null where family_id = ${F}`,
    sql`update case_audits set feedback = ${erased}, practitioner_response = null,
          areas = (select coalesce(jsonb_agg(x || '{"comment": ""}'::jsonb), '[]'::jsonb)
                   from jsonb_array_elements(areas) x)
        where family_id = ${F}`,
    sql`update closure_proposals set summary = ${erased},
          scores = (select coalesce(jsonb_agg(x - 'strengths' - 'needs' - 'note'), '[]'::jsonb)
                    from jsonb_array_elements(scores) x)
        where family_id = ${F}`,
    sql`update consent_withdrawal_notices set how = ${erased} where family_id = ${F}`,
    sql`update consents set withheld = null, withdrawal_reason = null where family_id = ${F}`,
    sql`update feedback_answers set comment = null where family_id = ${F}`,
    sql`update help_requests set family_name = 'Erased family', children = '[]'::jsonb,
          requester_name = ${erased}, worries = ${erased}, signposted_to = null,
          triage_reason = null, requester_email = null
        where family_id = ${F} or id in (select request_id from episodes where family_id = ${F})`,
    sql`update lawful_basis_records set justification = ${erased} where family_id = ${F}`,
    sql`update meeting_apologies set reason = ${erased} where family_id = ${F}`,
    sql`update meeting_decisions set text = ${erased} where family_id = ${F}`,
    sql`update meeting_record_responses set comment = ${erased} where family_id = ${F} and comment is not null`,
    sql`update meetings set location = null, notes = null,
          agenda = (select coalesce(jsonb_agg(x || '{"title": "Erased"}'::jsonb), '[]'::jsonb)
                    from jsonb_array_elements(agenda) x)
        where family_id = ${F}`,
    sql`update need_scores set strengths = null, needs = null, note = null where family_id = ${F}`,
    sql`update outcomes set title = ${erased}, measure = ${erased} where family_id = ${F}`,
    sql`update plan_sign_offs set plan = '{}'::jsonb where family_id = ${F}`,
    sql`update plan_versions set content = '{}'::jsonb, snapshots = '{}'::jsonb where family_id = ${F}`,
    sql`update reviews set summary = null where family_id = ${F}`,
    sql`update record_corrections set corrected_text = ${erased}, reason = ${erased} where family_id = ${F}`,
    sql`update correction_requests set what_is_wrong = ${erased}, should_say = ${erased},
        decline_reason = case when decline_reason is null then null else ${erased} end
        where family_id = ${F}`,
    sql`update sharing_records set summary = ${erased}, to_person = null, purpose = ${erased}
        where family_id = ${F}`,
    sql`update sign_off_decisions set comments = null where family_id = ${F}`,
    sql`update supervision_notes set discussion = ${erased}, decisions = ${erased} where family_id = ${F}`,
    sql`update sustainability_checks set note = null where family_id = ${F}`,
    sql`update team_memberships set removed_reason = null where family_id = ${F}`,
    sql`update retention_reviews set extension_reason = null, hold_reason = null where family_id = ${F}`,
    // Messages about the family or to its people.
    sql`update notices set variables = '{}'::jsonb, last_error = null,
          recipient_address = case when recipient_address is null then null else 'erased@erased.invalid' end
        where family_id = ${F} or recipient_member_id = any(${uuidArray(personIds)})
           or recipient_user_id = any(${users}) or ${mentions(sql`variables::text`)}`,
    sql`update local_outbox_messages set to_address = 'erased@erased.invalid', subject = ${erased},
          body = ${erased}
        where recipient_user_id = any(${users}) or ${mentions(sql`subject || ' ' || body || ' ' || to_address`)}`,
    // The family's own accounts (portal and meeting guests).
    sql`delete from sessions where user_id = any(${users})`,
    sql`delete from user_devices where user_id = any(${users})`,
    sql`delete from invitations where user_id = any(${users})`,
    sql`delete from oidc_identities where user_id = any(${users})`,
    sql`delete from rate_limit_counters where ${mentions(sql`key`)}`,
    sql`update users u set display_name = coalesce(
          (select p.label from (values ${personValues(people)}) p(id, user_id, label)
            where p.user_id = u.id), 'Erased person'),
          email = 'erased-' || id || '@erased.invalid', job_title = null, password_hash = null,
          totp_key = null, totp_pending_key = null, status = 'deactivated',
          deactivated_at = coalesce(deactivated_at, now())
        where id = any(${users})`,
  ];
  for (const statement of statements) await tx.execute(statement);
  return { reference: family.reference, people: people.length };
}

function personValues(people: readonly { id: string; user_id: string | null; label: string }[]) {
  if (people.length === 0) return sql`(null::uuid, null::uuid, null::text)`;
  return sql.join(
    people.map((p) => sql`(${p.id}::uuid, ${p.user_id}::uuid, ${p.label}::text)`),
    sql`, `,
  );
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
