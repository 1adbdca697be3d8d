import type { ApiConfig } from "../app-env";

/**
 * Demo mode: notices stay in the local outbox and this is not production.
 * Then the inviter is shown the set-password link, and anyone signed in may
 * read what would have been sent to them; otherwise people get the email.
 */
export function isDemoOutbox(config: ApiConfig): boolean {
  return config.nodeEnv !== "production" && (config.noticeTransport ?? "local") === "local";
}
