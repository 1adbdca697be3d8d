/** `__Host-` makes browsers insist on Secure, Path=/ and no Domain, so no subdomain can plant it. */
export const sessionCookieName = "__Host-teamaround_session";

export interface SessionCookieOptions {
  httpOnly: true;
  secure: true;
  sameSite: "Lax";
  path: "/";
  expires: Date;
}

export function sessionCookieOptions(expiresAt: Date): SessionCookieOptions {
  return { httpOnly: true, secure: true, sameSite: "Lax", path: "/", expires: expiresAt };
}
