import { type DatabaseHandle, localAuthorities, users } from "@teamaround/db";
import { openTestDatabase } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionStates, touchSessions } from "./session-states";
import {
  createSession,
  generateSessionToken,
  listUserSessions,
  sessionIdFromToken,
  validateSessionToken,
} from "./sessions";
import { defaultSessionPolicy as policy } from "./sign-in-state";
import { buildPractitioner } from "./test-support";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const minutes = (n: number) => n * 60 * 1000;
const context = { ipAddress: null, userAgent: null };

async function sessionFor(
  kind: "signed_in" | "pending" | "deactivated" | "idle" | "enrolment",
  now: Date,
) {
  const user = await buildPractitioner(handle.db, {
    status: kind === "deactivated" ? "deactivated" : "active",
    totpKey: kind === "pending" ? "c2VjcmV0LWtleS1ieXRlcy0yMA==" : null,
  });
  if (kind === "enrolment") {
    await handle.db
      .update(localAuthorities)
      .set({ requireStaffTotp: true })
      .where(eq(localAuthorities.id, user.authorityId));
  }
  const started = kind === "idle" ? new Date(now.getTime() - minutes(31)) : now;
  const twoFactorVerified = kind !== "pending";
  const { token, session } = await createSession(
    handle.db,
    user.id,
    { ...context, twoFactorVerified },
    policy,
    started,
  );
  return { token, session, user };
}

describe("loadSessionStates", () => {
  it("judges each session as validating its token alone would", async () => {
    const now = new Date();
    const kinds = ["signed_in", "pending", "deactivated", "idle", "enrolment"] as const;
    const made = await Promise.all(kinds.map((kind) => sessionFor(kind, now)));
    const missing = sessionIdFromToken(generateSessionToken());
    const states = await loadSessionStates(
      handle.db,
      [...made.map((m) => m.session.id), missing],
      policy,
      now,
    );
    expect(made.map((m) => states.get(m.session.id)?.state)).toEqual([
      "signed_in",
      "second_factor_pending",
      "inactive",
      "expired",
      "totp_enrolment_required",
    ]);
    expect(states.has(missing)).toBe(false);
    // One token at a time answers the same: the usable states, and nothing for the others.
    const single = await Promise.all(
      made.map((m) => validateSessionToken(handle.db, m.token, policy, now)),
    );
    expect(single.map((r) => r?.state ?? null)).toEqual([
      "signed_in",
      "second_factor_pending",
      null,
      null,
      "totp_enrolment_required",
    ]);
    const [first] = made;
    expect(first && states.get(first.session.id)?.actor).toEqual({
      userId: first?.user.id,
      role: "practitioner",
      agencyId: first?.user.agencyId,
    });
  });

  it("sees a deactivation made after the session began", async () => {
    const now = new Date();
    const { session, user } = await sessionFor("signed_in", now);
    await handle.db.update(users).set({ status: "deactivated" }).where(eq(users.id, user.id));
    const states = await loadSessionStates(handle.db, [session.id], policy, now);
    expect(states.get(session.id)?.state).toBe("inactive");
  });
});

describe("touchSessions", () => {
  it("keeps the touched sessions from going idle and leaves others alone", async () => {
    const start = new Date(Date.now() - minutes(20));
    const touched = await sessionFor("signed_in", start);
    const untouched = await sessionFor("signed_in", start);
    const at = new Date(start.getTime() + minutes(20));
    await touchSessions(handle.db, [touched.session.id], at);
    const later = new Date(at.getTime() + minutes(15));
    expect(await listUserSessions(handle.db, touched.user.id, policy, later)).toHaveLength(1);
    expect(await listUserSessions(handle.db, untouched.user.id, policy, later)).toHaveLength(0);
  });
});
