import { auditEvents, type Executor } from "@teamaround/db";
import type { MeetingSocket } from "./meeting-context";

export interface SocketAuditEntry {
  /** `noun.verb`, e.g. `meeting.join`, `meeting.chat`. */
  event: string;
  familyId: string;
  resourceType: string;
  resourceId: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit log as the socket's person; pass the transaction of the change it records. */
export async function auditSocket(tx: Executor, socket: MeetingSocket, entry: SocketAuditEntry) {
  const { actor } = socket.data;
  await tx.insert(auditEvents).values({
    actorId: actor.userId,
    actorRole: actor.role,
    event: entry.event,
    familyId: entry.familyId,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    ipAddress: socket.handshake.address || null,
    userAgent: socket.handshake.headers["user-agent"]?.slice(0, 300) ?? null,
    details: entry.details ?? null,
  });
}
