import { createGuestInvitation, redeemGuestCode, sessionCookieName } from "@teamaround/auth";
import type { Database } from "@teamaround/db";
import type { Scenario } from "@teamaround/db/testing";

/**
 * The lead invites a GP to one meeting of the scenario's family; the GP opens
 * the link and enters the code, as the API's guest sign-in does. Returns the
 * guest's row and the session cookie the code gave them.
 */
export async function guestSignsIn(
  db: Database,
  s: Scenario,
  meetingId: string,
  options: { mayWrite?: boolean } = {},
) {
  const now = new Date();
  const invited = await createGuestInvitation(db, {
    authorityId: s.authority.id,
    familyId: s.family.id,
    meetingId,
    name: "Dr Asha Patel",
    organisation: "Riverside Surgery",
    email: "asha.patel@surgery.example.nhs.uk",
    roleWords: "GP",
    mayWrite: options.mayWrite ?? false,
    expiresAt: new Date(now.getTime() + 2 * 60 * 60 * 1000),
    createdBy: s.users.lead.id,
    now,
  });
  const redeemed = await db.transaction((tx) =>
    redeemGuestCode(tx, {
      token: invited.token,
      code: invited.code,
      context: { ipAddress: null, userAgent: null },
    }),
  );
  if (!redeemed.ok) throw new Error(`the code was refused: ${redeemed.reason}`);
  return { guest: invited.guest, cookie: `${sessionCookieName}=${redeemed.token}` };
}
