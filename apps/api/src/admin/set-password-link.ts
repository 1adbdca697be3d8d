import type { Context } from "hono";
import type { ApiEnv } from "../app-env";

/**
 * Until invitations are emailed, the link is shown (and logged) outside
 * production only; production answers with the expiry alone.
 */
export function presentSetPasswordLink(
  c: Context<ApiEnv>,
  userId: string,
  invitation: { token: string; expiresAt: Date },
): { expiresAt: string; setPasswordUrl?: string } {
  const { config, logger } = c.var.deps;
  const expiresAt = invitation.expiresAt.toISOString();
  if (config.nodeEnv === "production") return { expiresAt };
  const setPasswordUrl = `${config.publicOrigin}/set-password?token=${encodeURIComponent(invitation.token)}`;
  logger.info({ userId, setPasswordUrl }, "set-password link (not shown in production)");
  return { expiresAt, setPasswordUrl };
}
