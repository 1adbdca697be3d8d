import { z } from "zod";
import type { UserRole } from "../shared/vocabulary";
import type { NoticeKind } from "./notice-kinds";

/**
 * The notices a person may choose not to get by email. Every other kind —
 * invitations, password changes and the safeguarding notices (consent
 * withdrawn, access ended) — cannot be turned off. In-app notices always come.
 * `new_sign_in` (a sign-in from a browser the account had not used) is sent
 * by email only, so turning it off stops it.
 */
export const optionalEmailNoticeKinds = [
  "action_assigned",
  "action_changed",
  "action_due",
  "daily_digest",
  "new_sign_in",
] as const satisfies readonly NoticeKind[];
export type OptionalEmailNoticeKind = (typeof optionalEmailNoticeKinds)[number];

/**
 * The optional kinds a person of this role can be sent, so the settings page
 * offers only those: staff who own actions and lead cases get every one;
 * family members their actions' notices (no digest); everyone new sign-ins.
 */
export function optionalNoticeKindsFor(role: UserRole): OptionalEmailNoticeKind[] {
  switch (role) {
    case "practitioner":
    case "manager":
      return [...optionalEmailNoticeKinds];
    case "family_member":
      return ["action_assigned", "action_changed", "action_due", "new_sign_in"];
    default:
      return ["new_sign_in"];
  }
}

export function isOptionalByEmail(kind: NoticeKind): kind is OptionalEmailNoticeKind {
  return (optionalEmailNoticeKinds as readonly string[]).includes(kind);
}

/** "HH:MM", 24-hour, in UK time. */
export const DigestTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "must be a time of day, e.g. 08:00");

export const NoticePreferences = z.strictObject({
  /** When the daily digest comes, in UK time. */
  digestTime: DigestTime,
  /** Optional kinds not wanted by email. */
  emailOff: z.array(z.enum(optionalEmailNoticeKinds)).max(optionalEmailNoticeKinds.length),
});
export type NoticePreferences = z.infer<typeof NoticePreferences>;

export const defaultNoticePreferences: NoticePreferences = { digestTime: "08:00", emailOff: [] };

/** Whether a notice of this kind goes to the person by email: always, unless optional and turned off. */
export function wantsEmail(preferences: Pick<NoticePreferences, "emailOff">, kind: NoticeKind) {
  return !isOptionalByEmail(kind) || !preferences.emailOff.includes(kind);
}

const ukParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The UK calendar day ("YYYY-MM-DD") and time of day ("HH:MM") at an instant. */
export function ukClock(at: Date): { day: string; time: string } {
  const parts = Object.fromEntries(ukParts.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** The calendar day after `day` ("YYYY-MM-DD"). */
export function dayAfter(day: string): string {
  const next = new Date(`${day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Whether a person's time of day for notices has come on the UK day of `clock`. */
export function digestTimeHasCome(digestTime: string, clock: { time: string }): boolean {
  return clock.time >= digestTime;
}
