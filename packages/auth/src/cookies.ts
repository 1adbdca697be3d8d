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

/**
 * The device cookie: a random token that lets the service recognise a browser
 * the account has signed in from before, so a sign-in from a new one can be
 * told to the person. Long-lived (400 days, the most browsers keep a cookie),
 * HttpOnly, Secure and host-only like the session's; SameSite=Lax.
 */
export const deviceCookieName = "__Host-teamaround_device";
export const deviceCookieMaxAgeSeconds = 400 * 24 * 60 * 60;

export interface DeviceCookieOptions {
  httpOnly: true;
  secure: true;
  sameSite: "Lax";
  path: "/";
  maxAge: number;
}

export function deviceCookieOptions(): DeviceCookieOptions {
  return {
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: deviceCookieMaxAgeSeconds,
  };
}
