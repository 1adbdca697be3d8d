import { defaultSessionPolicy } from "@teamaround/auth";
import { type Environment, trustProxies } from "@teamaround/config";
import type { ApiConfig } from "./app-env";

/** The API's settings for a validated environment; every entry point builds them here. */
export function apiConfigFrom(env: Environment): ApiConfig {
  return {
    publicOrigin: env.PUBLIC_ORIGIN,
    nodeEnv: env.NODE_ENV,
    sessionPolicy: defaultSessionPolicy,
    maxBodyBytes: 64 * 1024,
    noticeTransport: env.notices.transport,
    oidc: env.oidc,
    trustedProxies: trustProxies(env.TRUSTED_PROXIES),
  };
}
