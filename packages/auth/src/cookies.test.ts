import { describe, expect, it } from "vitest";
import {
  deviceCookieName,
  deviceCookieOptions,
  sessionCookieName,
  sessionCookieOptions,
} from "./cookies";

describe("session cookie", () => {
  it("uses the __Host- prefix", () => {
    expect(sessionCookieName.startsWith("__Host-")).toBe(true);
  });

  it("is HttpOnly, Secure, SameSite=Lax, host-wide and expires with the session", () => {
    const expiresAt = new Date("2030-01-01T12:00:00Z");
    expect(sessionCookieOptions(expiresAt)).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
      path: "/",
      expires: expiresAt,
    });
  });
});

describe("device cookie", () => {
  it("is __Host-, HttpOnly, Secure, SameSite=Lax and long-lived", () => {
    expect(deviceCookieName.startsWith("__Host-")).toBe(true);
    expect(deviceCookieOptions()).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
      path: "/",
      maxAge: 400 * 24 * 60 * 60,
    });
  });
});
