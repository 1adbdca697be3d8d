import {
  consents,
  consentWithdrawalNotices,
  type Executor,
  familyMembers,
  notices as noticeRows,
} from "@teamaround/db";
import { canWithdrawConsent, type FamilyAccess, type InformationKind } from "@teamaround/domain";
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { withdrawalNoticeHow } from "./commands/withdraw-consent";
import { type ConsentRow, consentState } from "./consent-state";
import { agencyNames, named, userNames } from "./lookups";

type NoticeRow = {
  consentId: string;
  agencyId: string;
  recordedAt: Date;
  noticeId: string | null;
  noticeStatus: "pending" | "sent" | "failed" | null;
  sentAt: Date | null;
  how: string;
};

/**
 * Whether an agency was told, read from its notice: sent (with when), still
 * waiting to go (the outbox retries), or failed (given up: tell them another
 * way). Without a notice: the agency had no contact address, or the row
 * predates emailed notices and was only recorded.
 */
export function withdrawalNoticeStatus(row: Pick<NoticeRow, "noticeId" | "noticeStatus" | "how">) {
  if (row.noticeStatus === "sent") return "sent" as const;
  if (row.noticeStatus === "failed") return "failed" as const;
  if (row.noticeId) return "waiting" as const;
  return row.how === withdrawalNoticeHow.noAddress
    ? ("no_address" as const)
    : ("not_emailed" as const);
}

interface Lookups {
  members: Map<string, string>;
  agencies: Map<string, string>;
  users: Map<string, string>;
  notices: NoticeRow[];
}

function presentConsent(row: ConsentRow, look: Lookups, access: FamilyAccess, today: string) {
  const state = consentState(row, today);
  const inForce = state === "active" || state === "review_due";
  return {
    id: row.id,
    state,
    decision: row.decision === "refused" ? ("refused" as const) : ("given" as const),
    givenBy: named(row.givenByMemberId, look.members),
    covers: row.coversMemberIds.map((id) => named(id, look.members)),
    agencies: row.agencyIds.map((id) => named(id, look.agencies)),
    informationKinds: row.informationKinds as InformationKind[],
    withheld: row.withheld,
    method: row.method,
    obtainedAt: row.obtainedAt.toISOString(),
    obtainedBy: named(row.obtainedBy, look.users),
    reviewDate: row.reviewDate,
    withdrawal:
      row.withdrawnAt && row.withdrawnBy
        ? {
            withdrawnAt: row.withdrawnAt.toISOString(),
            withdrawnBy: named(row.withdrawnBy, look.users),
            reason: row.withdrawalReason ?? "",
          }
        : null,
    withdrawalNotices: look.notices
      .filter((n) => n.consentId === row.id)
      .map((n) => ({
        agency: named(n.agencyId, look.agencies),
        status: withdrawalNoticeStatus(n),
        sentAt: n.noticeStatus === "sent" && n.sentAt ? n.sentAt.toISOString() : null,
        recordedAt: n.recordedAt.toISOString(),
      })),
    canWithdraw: inForce && canWithdrawConsent(access, row.givenByMemberId),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export type ConsentView = ReturnType<typeof presentConsent>;

/** The family's consent records, newest first, or just one of them. */
export async function listConsentViews(
  db: Executor,
  access: FamilyAccess,
  today: string,
  only?: { consentId: string },
): Promise<ConsentView[]> {
  const { familyId } = access;
  const scope: SQL[] = [eq(consents.familyId, familyId)];
  if (only) scope.push(eq(consents.id, only.consentId));
  const rows = await db
    .select()
    .from(consents)
    .where(and(...scope))
    .orderBy(desc(consents.obtainedAt), desc(consents.createdAt));
  if (rows.length === 0) return [];
  const noticeScope: SQL[] = [eq(consentWithdrawalNotices.familyId, familyId)];
  if (only) noticeScope.push(eq(consentWithdrawalNotices.consentId, only.consentId));
  const notices = await db
    .select({
      consentId: consentWithdrawalNotices.consentId,
      agencyId: consentWithdrawalNotices.agencyId,
      recordedAt: consentWithdrawalNotices.notifiedAt,
      noticeId: consentWithdrawalNotices.noticeId,
      noticeStatus: noticeRows.status,
      sentAt: noticeRows.sentAt,
      how: consentWithdrawalNotices.how,
    })
    .from(consentWithdrawalNotices)
    .leftJoin(noticeRows, eq(noticeRows.id, consentWithdrawalNotices.noticeId))
    .where(and(...noticeScope))
    .orderBy(asc(consentWithdrawalNotices.notifiedAt));
  const members = await db
    .select({
      id: familyMembers.id,
      given: familyMembers.givenName,
      family: familyMembers.familyName,
    })
    .from(familyMembers)
    .where(eq(familyMembers.familyId, familyId));
  const look: Lookups = {
    members: new Map(members.map((m) => [m.id, `${m.given} ${m.family}`])),
    agencies: await agencyNames(db, [
      ...rows.flatMap((r) => r.agencyIds),
      ...notices.map((n) => n.agencyId),
    ]),
    users: await userNames(
      db,
      rows.flatMap((r) => [r.obtainedBy, r.withdrawnBy]),
    ),
    notices,
  };
  return rows.map((row) => presentConsent(row, look, access, today));
}
