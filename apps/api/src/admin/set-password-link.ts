import type { Context } from "hono";
import type { ApiEnv } from "../app-env";
import { isDemoOutbox } from "../notices/demo-outbox";

/**
 * The link is emailed as a notice. In demo mode (the local outbox, outside
 * production) nothing is emailed, so the inviter is also shown the link to
 * pass on; otherwise the answer carries the expiry alone.
 */
export function presentSetPasswordLink(
  c: Context<ApiEnv>,
  userId: string,
  invitation: { token: string; expiresAt: Date },
): { expiresAt: string; setPasswordUrl?: string } {
  const { config, logger } = c.var.deps;
  const expiresAt = invitation.expiresAt.toISOString();
  if (!isDemoOutbox(config)) return { expiresAt };
  const setPasswordUrl = `${config.publicOrigin}/set-password?token=${encodeURIComponent(invitation.token)}`;
  logger.info({ userId, setPasswordUrl }, "set-password link (demo mode: the local outbox)");
  return { expiresAt, setPasswordUrl };
}
