import { createSession, sessionCookieName } from "@teamaround/auth";
import type { TestApi } from "../testing/test-api";
import { sessionCookieFor } from "../testing/test-api";
import type { SecurityWorld } from "./security-world";

/** Everyone the security suite calls every route as. */
export const personas = [
  "anonymous",
  "expiredSession",
  "administrator",
  "manager",
  "leadProfessional",
  "teamMember",
  "outsider",
  "familyMember",
  "otherFamilyMember",
  "analyst",
  "guest",
] as const;
export type Persona = (typeof personas)[number];

const thirteenHours = 13 * 60 * 60 * 1000;

export async function cookieFor(
  api: TestApi,
  scenario: SecurityWorld,
  persona: Persona,
): Promise<string | undefined> {
  const u = scenario.users;
  switch (persona) {
    case "anonymous":
      return undefined;
    case "expiredSession": {
      const { token } = await createSession(
        api.deps.db,
        u.lead.id,
        { ipAddress: null, userAgent: null, twoFactorVerified: true },
        api.deps.config.sessionPolicy,
        new Date(api.clock.now.getTime() - thirteenHours),
      );
      return `${sessionCookieName}=${token}`;
    }
    case "administrator":
      return sessionCookieFor(api, u.administrator.id);
    case "manager":
      return sessionCookieFor(api, u.manager.id);
    case "leadProfessional":
      return sessionCookieFor(api, u.lead.id);
    case "teamMember":
      return sessionCookieFor(api, u.teamMember.id);
    case "outsider":
      return sessionCookieFor(api, u.outsider.id);
    case "familyMember":
      return sessionCookieFor(api, u.parentUser.id);
    case "otherFamilyMember":
      return sessionCookieFor(api, u.otherParentUser.id);
    case "analyst":
      return sessionCookieFor(api, scenario.analyst.id);
    case "guest":
      return sessionCookieFor(api, scenario.guest.userId);
  }
}
