import { createHmac } from "node:crypto";
import type { IceSettings } from "@teamaround/config";
import type { IceServer } from "@teamaround/domain";

/**
 * TURN credentials in coturn's REST-API scheme (`use-auth-secret`): the
 * username is `<expiry unix time>:<user id>` and the credential is
 * base64(HMAC-SHA1(secret, username)). coturn checks both with the same
 * shared secret and refuses them after the expiry; nothing is stored.
 */
export function turnCredential(
  secret: string,
  userId: string,
  now: Date,
  ttlSeconds: number,
): { username: string; credential: string } {
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const username = `${expiry}:${userId}`;
  const credential = createHmac("sha1", secret).update(username).digest("base64");
  return { username, credential };
}

/** The ICE servers one person in a call is given: STUN as configured, TURN with their own credential. */
export function iceServersFor(
  settings: IceSettings | undefined,
  userId: string,
  now: Date,
): IceServer[] {
  if (!settings) return [];
  const servers: IceServer[] = [];
  if (settings.stunUrls.length > 0) servers.push({ urls: settings.stunUrls });
  if (settings.turnUrls.length > 0 && settings.turnSecret) {
    const minted = turnCredential(settings.turnSecret, userId, now, settings.turnTtlSeconds);
    servers.push({ urls: settings.turnUrls, ...minted });
  }
  return servers;
}
