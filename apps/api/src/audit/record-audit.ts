import { auditEvents, type Executor } from "@teamaround/db";
import type { AuditEventName } from "@teamaround/domain";
import type { Context } from "hono";
import type { ApiEnv } from "../app-env";

export interface AuditEntry {
  /** `noun.verb`, e.g. `family.read`, `consent.withdraw`; its words live in the domain. */
  event: AuditEventName;
  familyId?: string | null;
  resourceType?: string;
  resourceId?: string;
  details?: Record<string, unknown>;
}

/** A guest partner has no staff record: every row they cause names them and their organisation. */
function guestNamed(c: Context<ApiEnv>): { name: string; organisation: string | null } {
  return { name: c.var.user?.displayName ?? "", organisation: c.var.agencyName ?? null };
}

function auditRow(c: Context<ApiEnv>, entry: AuditEntry): typeof auditEvents.$inferInsert {
  const user = c.var.user;
  return {
    actorId: user?.id ?? null,
    actorRole: user?.role ?? null,
    event: entry.event,
    familyId: entry.familyId ?? null,
    resourceType: entry.resourceType ?? null,
    resourceId: entry.resourceId ?? null,
    ipAddress: c.var.meta.ipAddress,
    userAgent: c.var.meta.userAgent,
    details:
      user?.role === "guest" ? { ...entry.details, guest: guestNamed(c) } : (entry.details ?? null),
  };
}

/**
 * Appends to the audit log. Pass the transaction of the change it records so
 * both commit or neither does.
 */
export async function recordAudit(tx: Executor, c: Context<ApiEnv>, entry: AuditEntry) {
  await tx.insert(auditEvents).values(auditRow(c, entry));
}

/** Appends several events in one statement, e.g. one per family a cross-family read touched. */
export async function recordAuditEach(
  tx: Executor,
  c: Context<ApiEnv>,
  entries: readonly AuditEntry[],
) {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(entries.map((entry) => auditRow(c, entry)));
}
