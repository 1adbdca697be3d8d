import { addDays, isWeekend } from "@teamaround/domain";

/** A moment on a day, at a whole hour (UTC): synthetic events happen in office hours. */
export function at(isoDay: string, hour: number): Date {
  return new Date(`${isoDay}T${String(hour).padStart(2, "0")}:00:00Z`);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day itself, or the Monday after when it falls at a weekend. */
export function onWorkingDay(day: string): string {
  let result = day;
  while (isWeekend(result)) result = addDays(result, 1);
  return result;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((at(to, 0).getTime() - at(from, 0).getTime()) / 86_400_000);
}

/** The earlier of two days (YYYY-MM-DD sort as dates). */
export function earlierDay(a: string, b: string): string {
  return a < b ? a : b;
}

export function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}
