/**
 * Dates in words, the GOV.UK way ("Friday 28 November"), always in UK time so
 * that a due date means the same day for everyone in the team.
 */
const zone = "Europe/London";

const dayParts = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

const timeParts = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
  timeZone: zone,
});

const isoDayFormat = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: zone,
});

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? "";
}

/** Today's date in the UK as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return isoDayFormat.format(now);
}

/** The calendar day of a YYYY-MM-DD string or of an ISO timestamp (in UK time). */
export function dayOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : todayIso(new Date(value));
}

function utcDate(isoDay: string): Date {
  const [year, month, day] = isoDay.split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

export interface DayOptions {
  /** Add the weekday: "Friday 28 November" */
  weekday?: boolean;
  /** "auto" leaves the year out when it is this year */
  year?: "always" | "auto";
  today?: string;
}

/** "28 November 2026", "Friday 28 November", … from YYYY-MM-DD or an ISO timestamp. */
export function formatDay(value: string, options: DayOptions = {}): string {
  const isoDay = dayOf(value);
  const parts = dayParts.formatToParts(utcDate(isoDay));
  const year = part(parts, "year");
  const thisYear = (options.today ?? todayIso()).slice(0, 4);
  const showYear = options.year !== "auto" || year !== thisYear;
  const words = [
    options.weekday ? part(parts, "weekday") : null,
    part(parts, "day"),
    part(parts, "month"),
    showYear ? year : null,
  ];
  return words.filter(Boolean).join(" ");
}

/** Whole days from `today` to `isoDay` (negative when past). */
export function daysUntil(isoDay: string, today: string = todayIso()): number {
  return Math.round((utcDate(isoDay).getTime() - utcDate(today).getTime()) / 86_400_000);
}

/** A due date in plain words: "by Friday 28 November", "due today", "was due Tuesday 18 November". */
export function dueInWords(isoDay: string, today: string = todayIso()): string {
  const days = daysUntil(isoDay, today);
  const day = formatDay(isoDay, { weekday: true, year: "auto", today });
  if (days < 0) return `was due ${day}`;
  if (days === 0) return "due today";
  if (days === 1) return `by tomorrow, ${day}`;
  return `by ${day}`;
}

/** "23 November 2026 at 6:26am", in UK time. */
export function formatDateTime(iso: string): string {
  const parts = timeParts.formatToParts(new Date(iso));
  const minute = part(parts, "minute");
  const hour = part(parts, "hour");
  const period = part(parts, "dayPeriod").toLowerCase().replace(/\./g, "");
  const time = minute === "00" ? `${hour}${period}` : `${hour}:${minute}${period}`;
  return `${part(parts, "day")} ${part(parts, "month")} ${part(parts, "year")} at ${time}`;
}

/** The three boxes of a GOV.UK date input. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDate: DateParts = { day: "", month: "", year: "" };

export function isDateEmpty(parts: DateParts): boolean {
  return !parts.day.trim() && !parts.month.trim() && !parts.year.trim();
}

/** YYYY-MM-DD from the boxes, or null when they do not make a real date. */
export function datePartsToIso(parts: DateParts): string | null {
  const day = Number(parts.day.trim());
  const month = Number(parts.month.trim());
  const year = Number(parts.year.trim());
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isoToDateParts(iso: string | null | undefined): DateParts {
  if (!iso) return emptyDate;
  const [year = "", month = "", day = ""] = dayOf(iso).split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/**
 * A timestamp for a day someone chose ("when was consent obtained?"): now if
 * it is today, so it is never in the future, else midday UK time that day.
 */
export function dayToTimestamp(isoDay: string, now: Date = new Date()): string {
  if (isoDay === todayIso(now)) return now.toISOString();
  return new Date(`${isoDay}T12:00:00Z`).toISOString();
}
