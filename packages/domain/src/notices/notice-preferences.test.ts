import { describe, expect, it } from "vitest";
import { noticeKinds } from "./notice-kinds";
import {
  dayAfter,
  digestTimeHasCome,
  isOptionalByEmail,
  NoticePreferences,
  optionalEmailNoticeKinds,
  optionalNoticeKindsFor,
  ukClock,
  wantsEmail,
} from "./notice-preferences";

describe("which notices may be turned off by email", () => {
  it("lets a person turn off only the optional kinds; everything else always comes", () => {
    const everythingOff = {
      emailOff: [
        "action_assigned",
        "action_changed",
        "action_due",
        "daily_digest",
        "new_sign_in",
      ] as const,
    };
    for (const kind of noticeKinds) {
      expect(wantsEmail({ emailOff: [...everythingOff.emailOff] }, kind)).toBe(
        !isOptionalByEmail(kind),
      );
      expect(wantsEmail({ emailOff: [] }, kind)).toBe(true);
    }
  });

  it("offers each role the optional kinds it can be sent; new sign-ins to everyone", () => {
    expect(optionalNoticeKindsFor("practitioner")).toEqual([...optionalEmailNoticeKinds]);
    expect(optionalNoticeKindsFor("family_member")).toEqual([
      "action_assigned",
      "action_changed",
      "action_due",
      "new_sign_in",
    ]);
    expect(optionalNoticeKindsFor("administrator")).toEqual(["new_sign_in"]);
    expect(optionalNoticeKindsFor("partnership_analyst")).toEqual(["new_sign_in"]);
  });

  it("never makes invitations, password changes or safeguarding notices optional", () => {
    for (const kind of ["staff_invitation", "family_invitation", "password_changed"] as const) {
      expect(isOptionalByEmail(kind)).toBe(false);
    }
    for (const kind of noticeKinds.filter((k) => /consent|access/.test(k))) {
      expect(isOptionalByEmail(kind)).toBe(false);
    }
  });

  it("refuses a kind that cannot be turned off, a bad time and unknown fields", () => {
    expect(
      NoticePreferences.safeParse({ digestTime: "08:00", emailOff: ["password_changed"] }).success,
    ).toBe(false);
    expect(NoticePreferences.safeParse({ digestTime: "24:00", emailOff: [] }).success).toBe(false);
    expect(NoticePreferences.safeParse({ digestTime: "8:00", emailOff: [] }).success).toBe(false);
    expect(NoticePreferences.safeParse({ digestTime: "08:00", emailOff: [], x: 1 }).success).toBe(
      false,
    );
    expect(
      NoticePreferences.safeParse({ digestTime: "07:30", emailOff: ["daily_digest"] }).success,
    ).toBe(true);
  });
});

describe("the UK clock", () => {
  it("gives the UK day and time, summer and winter", () => {
    expect(ukClock(new Date("2026-07-03T23:30:00Z"))).toEqual({ day: "2026-07-04", time: "00:30" });
    expect(ukClock(new Date("2026-01-03T23:30:00Z"))).toEqual({ day: "2026-01-03", time: "23:30" });
    expect(ukClock(new Date("2026-01-03T08:05:00Z"))).toEqual({ day: "2026-01-03", time: "08:05" });
  });

  it("knows the next day across months and years, and when a digest time has come", () => {
    expect(dayAfter("2026-02-28")).toBe("2026-03-01");
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
    expect(digestTimeHasCome("08:00", { time: "07:59" })).toBe(false);
    expect(digestTimeHasCome("08:00", { time: "08:00" })).toBe(true);
    expect(digestTimeHasCome("08:00", { time: "17:10" })).toBe(true);
  });
});
