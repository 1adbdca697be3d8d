import type { MeetingDue } from "./meeting-schedule";

/**
 * Whether the meeting that falls due is overdue on `now`: past the latest
 * date with none held. The family's meetings page and the lead's "My work"
 * both ask this, so they never disagree.
 */
export function isMeetingOverdue(due: MeetingDue | null, now: Date): boolean {
  return due !== null && now.getTime() > due.by.getTime();
}
