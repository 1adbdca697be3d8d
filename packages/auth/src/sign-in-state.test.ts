import { userRoles, userStatuses } from "@teamaround/domain";
import { describe, expect, it } from "vitest";
import {
  defaultSessionPolicy,
  type SignInFacts,
  type SignInState,
  sessionSignsIn,
} from "./sign-in-state";

const now = new Date("2026-03-02T10:00:00Z");
const minutes = (n: number) => n * 60 * 1000;
const ago = (ms: number) => new Date(now.getTime() - ms);

/** How old the session is, each with the dates that make it so under the default policy. */
const ages = {
  fresh: { lastSeenAt: ago(minutes(5)), expiresAt: new Date(now.getTime() + minutes(60)) },
  idleJustUnder: { lastSeenAt: ago(minutes(30)), expiresAt: new Date(now.getTime() + 1) },
  idle: { lastSeenAt: ago(minutes(30) + 1), expiresAt: new Date(now.getTime() + minutes(60)) },
  pastAbsoluteEnd: { lastSeenAt: ago(minutes(1)), expiresAt: now },
} as const;
type Age = keyof typeof ages;

interface Cell {
  age: Age;
  status: (typeof userStatuses)[number];
  role: (typeof userRoles)[number];
  totpEnabled: boolean;
  twoFactorVerified: boolean;
  requireStaffTotp: boolean;
  singleSignOn: boolean;
}

const cells: Cell[] = (Object.keys(ages) as Age[]).flatMap((age) =>
  userStatuses.flatMap((status) =>
    userRoles.flatMap((role) =>
      [true, false].flatMap((totpEnabled) =>
        [true, false].flatMap((twoFactorVerified) =>
          [true, false].flatMap((requireStaffTotp) =>
            [true, false].map((singleSignOn) => ({
              age,
              status,
              role,
              totpEnabled,
              twoFactorVerified,
              requireStaffTotp,
              singleSignOn,
            })),
          ),
        ),
      ),
    ),
  ),
);

/** The expected answer, written as a ladder of refusals, first match wins. */
const ladder: [SignInState, (cell: Cell) => boolean][] = [
  ["expired", (c) => c.age === "idle" || c.age === "pastAbsoluteEnd"],
  ["inactive", (c) => c.status === "invited" || c.status === "deactivated"],
  // The council's identity provider is trusted to have asked for a second factor.
  ["signed_in", (c) => c.singleSignOn],
  ["second_factor_pending", (c) => c.totpEnabled && !c.twoFactorVerified],
  [
    "totp_enrolment_required",
    // Staff only: a family member never needs one, and a guest signs in with a one-time code.
    (c) => c.requireStaffTotp && !c.totpEnabled && c.role !== "family_member" && c.role !== "guest",
  ],
  ["signed_in", () => true],
];

function expected(cell: Cell): SignInState {
  const rung = ladder.find(([, applies]) => applies(cell));
  if (!rung) throw new Error("the ladder ends with a catch-all");
  return rung[0];
}

function facts(cell: Cell): SignInFacts {
  return {
    session: {
      ...ages[cell.age],
      twoFactorVerified: cell.twoFactorVerified,
      singleSignOn: cell.singleSignOn,
    },
    user: {
      status: cell.status,
      role: cell.role,
      totpKey: cell.totpEnabled ? "c2VjcmV0LWtleS1ieXRlcy0yMA==" : null,
    },
    authority: { requireStaffTotp: cell.requireStaffTotp },
  };
}

describe("sessionSignsIn", () => {
  it.each(cells)(
    "$age session, $status $role, totp $totpEnabled, verified $twoFactorVerified, required $requireStaffTotp, sso $singleSignOn",
    (cell) => {
      expect(sessionSignsIn(facts(cell), defaultSessionPolicy, now)).toBe(expected(cell));
    },
  );

  it("covers every combination and reaches every state", () => {
    expect(cells).toHaveLength(4 * userStatuses.length * userRoles.length * 16);
    const reached = new Set(
      cells.map((cell) => sessionSignsIn(facts(cell), defaultSessionPolicy, now)),
    );
    expect([...reached].sort()).toEqual([...new Set(ladder.map(([state]) => state))].sort());
  });

  it("follows a custom policy's timeouts", () => {
    const cell: Cell = {
      age: "fresh",
      status: "active",
      role: "practitioner",
      totpEnabled: false,
      twoFactorVerified: false,
      requireStaffTotp: false,
      singleSignOn: false,
    };
    const strict = { idleTimeoutMs: minutes(1), absoluteTimeoutMs: minutes(10) };
    expect(sessionSignsIn(facts(cell), strict, now)).toBe("expired");
  });
});
