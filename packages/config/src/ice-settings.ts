import { z } from "zod";

/**
 * Where the meeting call's WebRTC connections find each other (DESIGN §3,
 * ARCHITECTURE "The call"): STUN servers for public addresses, TURN servers
 * to relay media through council and NHS firewalls. TURN credentials are never
 * configured per person: the server mints short-lived ones from `TURN_SECRET`
 * (coturn's `use-auth-secret` REST-API scheme).
 */
export interface IceSettings {
  stunUrls: string[];
  turnUrls: string[];
  /** coturn's `static-auth-secret`; required with TURN_URLS. */
  turnSecret: string | null;
  /** How long a minted TURN credential lasts. */
  turnTtlSeconds: number;
}

const urlList = (scheme: RegExp, example: string) =>
  z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((url) => url.trim())
        .filter((url) => url !== ""),
    )
    .pipe(
      z.array(
        z.string().regex(scheme, `must be a comma-separated list of URLs such as ${example}`),
      ),
    )
    .optional();

export const iceEnvironmentShape = {
  STUN_URLS: urlList(/^stuns?:[^\s?]+$/, "stun:turn.example.gov.uk:3478"),
  TURN_URLS: urlList(
    /^turns?:[^\s?]+(\?transport=(udp|tcp))?$/,
    "turns:turn.example.gov.uk:443?transport=tcp",
  ),
  TURN_SECRET: z
    .string()
    .min(16, "must be at least 16 characters (coturn's static-auth-secret)")
    .optional(),
  TURN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(24 * 60 * 60)
    .default(60 * 60),
};

type IceEnvironment = Partial<z.infer<z.ZodObject<typeof iceEnvironmentShape>>>;

/** The ICE settings, or the lines naming what is wrong. */
export function resolveIceSettings(
  env: IceEnvironment,
): { ok: true; settings: IceSettings } | { ok: false; problems: string[] } {
  const turnUrls = env.TURN_URLS ?? [];
  if (turnUrls.length > 0 && !env.TURN_SECRET) {
    return {
      ok: false,
      problems: ["  TURN_SECRET: required with TURN_URLS (the TURN server's static-auth-secret)"],
    };
  }
  return {
    ok: true,
    settings: {
      stunUrls: env.STUN_URLS ?? [],
      turnUrls,
      turnSecret: env.TURN_SECRET ?? null,
      turnTtlSeconds: env.TURN_TTL_SECONDS ?? 60 * 60,
    },
  };
}
