import type { z } from "@hono/zod-openapi";
import { type MeetingGuest as GuestRow, guestCodeAttemptLimit } from "@teamaround/auth";
import type { MeetingGuest } from "./guests.schema";

type GuestStatus = z.infer<typeof MeetingGuest>["status"];

function statusOf(row: GuestRow, now: Date): GuestStatus {
  if (row.revokedAt) return "revoked";
  if (row.codeUsedAt) return now < row.expiresAt ? "joined" : "expired";
  if (row.failedCodeAttempts >= guestCodeAttemptLimit) return "locked";
  return now < row.expiresAt ? "invited" : "expired";
}

/** A guest as the lead sees them: never the code or the link. */
export function presentGuest(row: GuestRow, now: Date): z.infer<typeof MeetingGuest> {
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    email: row.email,
    role: row.roleWords,
    mayWrite: row.mayWrite,
    status: statusOf(row, now),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
