import { auditEvents, type Executor } from "@teamaround/db";
import type { Context } from "hono";
import type { ApiEnv } from "../app-env";

export interface AuditEntry {
  /** `noun.verb`, e.g. `family.read`, `consent.withdraw`. */
  event: string;
  familyId?: string | null;
  resourceType?: string;
  resourceId?: string;
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log. Pass the transaction of the change it records so
 * both commit or neither does.
 */
export async function recordAudit(tx: Executor, c: Context<ApiEnv>, entry: AuditEntry) {
  const user = c.var.user;
  await tx.insert(auditEvents).values({
    actorId: user?.id ?? null,
    actorRole: user?.role ?? null,
    event: entry.event,
    familyId: entry.familyId ?? null,
    resourceType: entry.resourceType ?? null,
    resourceId: entry.resourceId ?? null,
    ipAddress: c.var.meta.ipAddress,
    userAgent: c.var.meta.userAgent,
    details: entry.details ?? null,
  });
}
