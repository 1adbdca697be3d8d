import { z } from "zod";
import { type IceSettings, iceEnvironmentShape, resolveIceSettings } from "./ice-settings";
import {
  type NoticeSettings,
  noticeEnvironmentShape,
  resolveNoticeSettings,
} from "./notice-settings";
import { type OidcSettings, resolveOidcSettings } from "./oidc-settings";
import { trustedProxiesEnvironmentShape } from "./trusted-proxies";

export * from "./ice-settings";
export * from "./notice-settings";
export * from "./oidc-settings";
export * from "./trusted-proxies";

/**
 * The environment every Teamaround process reads (DESIGN §3). Each app's
 * `env.ts` passes `process.env` here once at start; nothing else reads it.
 */
export const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_ORIGIN: z
    .url({ message: "must be an origin such as https://teamaround.example.gov.uk" })
    .transform((value) => new URL(value).origin)
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ...noticeEnvironmentShape,
  ...iceEnvironmentShape,
  ...trustedProxiesEnvironmentShape,
});

export type Environment = z.infer<typeof environmentSchema> & {
  PUBLIC_ORIGIN: string;
  /** How notices leave the service (local outbox, SMTP or GOV.UK Notify), checked together. */
  notices: NoticeSettings;
  /** STUN and TURN servers for the meeting call. */
  ice: IceSettings;
  /** Client secrets for staff single sign-on. */
  oidc: OidcSettings;
};

/** Validates once; a wrong value stops start-up with a message naming the variable. */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && !env.PUBLIC_ORIGIN) {
    throw new Error("Invalid configuration:\n  PUBLIC_ORIGIN: required when NODE_ENV=production");
  }
  const notices = resolveNoticeSettings(env, source);
  if (!notices.ok) throw new Error(`Invalid configuration:\n${notices.problems.join("\n")}`);
  const ice = resolveIceSettings(env);
  if (!ice.ok) throw new Error(`Invalid configuration:\n${ice.problems.join("\n")}`);
  const oidc = resolveOidcSettings(source);
  if (!oidc.ok) throw new Error(`Invalid configuration:\n${oidc.problems.join("\n")}`);
  const displayHost = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  return {
    ...env,
    PUBLIC_ORIGIN: env.PUBLIC_ORIGIN ?? `http://${displayHost}:${env.PORT}`,
    notices: notices.settings,
    ice: ice.settings,
    oidc: oidc.settings,
  };
}
