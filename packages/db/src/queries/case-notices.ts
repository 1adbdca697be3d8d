import type { HelpRequestOutcome, NoticeContent, SignOffSubject } from "@teamaround/domain";
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { families, type helpRequests, notices, teamMemberships, users } from "../schema";
import { enqueueNotice } from "./notices";
import { enqueuePersonNotice } from "./person-notices";

/** The active managers of a service (agency), but never the person who caused the notice. */
export async function listServiceManagerIds(
  db: Executor,
  agencyId: string,
  except: string | null,
): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.agencyId, agencyId),
        eq(users.role, "manager"),
        eq(users.status, "active"),
        except ? ne(users.id, except) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * The managers who may sign off a family's assessment, closure or plan: the
 * active managers of the service that holds the case, and the line manager
 * of its lead professional (the family policy's `service_manager`) — never
 * the person who submitted it.
 */
export async function listSignOffManagerIds(
  db: Executor,
  familyId: string,
  except: string | null,
): Promise<string[]> {
  const [family] = await db
    .select({ owningAgencyId: families.owningAgencyId })
    .from(families)
    .where(eq(families.id, familyId));
  if (!family) return [];
  const lead = db
    .select({ managerId: users.managerId })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(
      and(
        eq(teamMemberships.familyId, familyId),
        eq(teamMemberships.role, "lead_professional"),
        isNull(teamMemberships.removedAt),
      ),
    );
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, "manager"),
        eq(users.status, "active"),
        or(eq(users.agencyId, family.owningAgencyId), inArray(users.id, lead)),
        except ? ne(users.id, except) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

interface Caused {
  authorityId: string;
  createdBy: string | null;
  now: Date;
}

async function tellEach(
  tx: Executor,
  userIds: readonly string[],
  input: Caused & { content: NoticeContent; familyId: string | null; key: string },
): Promise<string[]> {
  for (const userId of userIds) {
    await enqueuePersonNotice(tx, {
      authorityId: input.authorityId,
      userId,
      content: input.content,
      familyId: input.familyId,
      createdBy: input.createdBy,
      idempotencyKey: `${input.key}:${userId}`,
      dueAt: input.now,
    });
  }
  return [...userIds];
}

/**
 * Something waits for a manager's sign-off: each manager who may decide it
 * hears, in the app and by email, in the transaction that submitted it.
 * `key` names this submission (a resubmission is a new one). Answers who was told.
 */
export async function enqueueSignOffWaiting(
  tx: Executor,
  input: Caused & {
    familyId: string;
    subject: SignOffSubject;
    /** The assessment's id; only for assessments. */
    assessmentId?: string;
    key: string;
  },
): Promise<string[]> {
  const managers = await listSignOffManagerIds(tx, input.familyId, input.createdBy);
  const variables = {
    subject: input.subject,
    familyId: input.familyId,
    ...(input.assessmentId ? { assessmentId: input.assessmentId } : {}),
  };
  return tellEach(tx, managers, {
    ...input,
    content: { kind: "sign_off_waiting", variables },
    key: `sign_off_waiting:${input.key}`,
  });
}

/**
 * What waited is no longer waiting (a lead withdrew it): the notices of
 * `enqueueSignOffWaiting` under `key` that no worker has claimed yet are
 * dropped in the caller's transaction, so nobody is told of it afterwards.
 * Those already sent stay as they were; their link shows it withdrawn.
 * Answers how many were dropped.
 */
export async function dropUnsentSignOffWaiting(
  tx: Executor,
  input: { familyId: string; key: string },
): Promise<number> {
  const dropped = await tx
    .delete(notices)
    .where(
      and(
        eq(notices.familyId, input.familyId),
        eq(notices.kind, "sign_off_waiting"),
        eq(notices.status, "pending"),
        eq(notices.attempts, 0),
        sql`starts_with(${notices.idempotencyKey}, ${`sign_off_waiting:${input.key}:`})`,
      ),
    )
    .returning({ id: notices.id });
  return dropped.length;
}

type HelpRequestRow = typeof helpRequests.$inferSelect;

/** A new request for help: the managers of the service asked hear of it. Answers who was told. */
export async function enqueueHelpRequestReceived(
  tx: Executor,
  request: Pick<HelpRequestRow, "id" | "authorityId" | "receivingAgencyId" | "createdBy">,
  now: Date,
): Promise<string[]> {
  const managers = await listServiceManagerIds(tx, request.receivingAgencyId, request.createdBy);
  return tellEach(tx, managers, {
    authorityId: request.authorityId,
    createdBy: request.createdBy,
    now,
    content: { kind: "help_request_received", variables: { requestId: request.id } },
    familyId: null,
    key: `help_request_received:${request.id}`,
  });
}

/**
 * A request for help was decided: whoever made it hears the outcome (unless
 * they decided it themselves), and a family member who asked hears it in
 * plain words at the address they gave. No family id on these notices: the
 * asker may not be allowed to see the family.
 */
export async function enqueueHelpRequestOutcome(
  tx: Executor,
  request: Pick<HelpRequestRow, "id" | "authorityId" | "createdBy" | "requesterEmail">,
  input: { outcome: HelpRequestOutcome; decidedBy: string; now: Date },
): Promise<void> {
  const common = {
    authorityId: request.authorityId,
    createdBy: input.decidedBy,
    dueAt: input.now,
  };
  const variables = { requestId: request.id, outcome: input.outcome };
  if (request.createdBy !== input.decidedBy) {
    await enqueuePersonNotice(tx, {
      ...common,
      userId: request.createdBy,
      content: { kind: "help_request_outcome", variables: { ...variables, audience: "staff" } },
      idempotencyKey: `help_request_outcome:${request.id}:asked_by`,
    });
  }
  if (request.requesterEmail) {
    await enqueueNotice(tx, {
      ...common,
      recipient: { address: request.requesterEmail },
      content: { kind: "help_request_outcome", variables: { ...variables, audience: "family" } },
      idempotencyKey: `help_request_outcome:${request.id}:family`,
    });
  }
}
