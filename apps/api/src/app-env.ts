import type { OpenAPIHono } from "@hono/zod-openapi";
import type { SessionPolicy, SignInState, SignInThrottle } from "@teamaround/auth";
import type { OidcSettings, ProxyTrust } from "@teamaround/config";
import type { Database, sessions, users } from "@teamaround/db";
import type { Actor } from "@teamaround/domain";
import type { EventBus } from "@teamaround/events";
import type { Logger } from "pino";

export interface ApiConfig {
  /** The origin browsers use; state-changing requests must come from it. */
  publicOrigin: string;
  /** Development prints invitation links to the log; production never does. */
  nodeEnv: "development" | "production" | "test";
  sessionPolicy: SessionPolicy;
  /** Largest JSON body accepted, in bytes. */
  maxBodyBytes: number;
  /** PDFs one person may have made a minute by one instance; absent: 30. */
  pdfsPerMinute?: number;
  /**
   * How notices leave the service (`NOTICE_TRANSPORT`); absent means the local
   * outbox. With the local outbox outside production, invitation links are
   * also shown to the inviter and everyone may read their demo outbox.
   */
  noticeTransport?: "local" | "smtp" | "notify";
  /** Proxies whose X-Forwarded-For names the client (`TRUSTED_PROXIES`); absent: none. */
  trustedProxies?: ProxyTrust;
  /** Client secrets for staff single sign-on (from the environment); absent: none configured. */
  oidc?: OidcSettings;
}

export interface ApiDeps {
  db: Database;
  config: ApiConfig;
  logger: Logger;
  throttle: SignInThrottle;
  /** Where changes are announced, after they commit, to the realtime servers. */
  events: EventBus;
  /** Injected so tests can move time forward. */
  now: () => Date;
}

export interface RequestMeta {
  ipAddress: string | null;
  userAgent: string | null;
}

export interface ApiVariables {
  deps: ApiDeps;
  meta: RequestMeta;
  /** Set by the session middleware when a valid, fully signed-in session is presented. */
  actor: Actor | null;
  user: typeof users.$inferSelect | null;
  session: typeof sessions.$inferSelect | null;
  /** The session user's agency, or a guest's organisation; null for family members. */
  agencyName: string | null;
  /** The presented session's state under the one sign-in rule; null without a usable session. */
  signInState: SignInState | null;
}

export type ApiEnv = { Variables: ApiVariables };
export type ApiApp = OpenAPIHono<ApiEnv>;
