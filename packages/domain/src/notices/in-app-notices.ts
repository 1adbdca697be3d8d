import { z } from "zod";
import type { FamilyAccess } from "../authorization/actor";
import { relationshipOf } from "../authorization/actor";
import { can } from "../authorization/family-policy";
import { canOnRequest, type RequestFacts } from "../journey/request.policy";
import { signOffWaitingVariables } from "./case-notice-variables";
import { type NoticeContent, type NoticeKind, parseNoticeContent } from "./notice-kinds";
import { meetingRecordPath, meetingRecordReviewVariables } from "./record-review-notices";
import { requestPath, signOffPath } from "./render-case-notices";
import { noticeDay, renderNotice } from "./render-notice";
import { actionPath, familyActionPath } from "./render-work-notices";

/** What an in-app notice links to, read from its variables and family. */
export type NoticeTarget =
  | { type: "action"; familyId: string; actionId: string }
  | { type: "meeting"; familyId: string; meetingId: string }
  | { type: "meeting_record"; familyId: string; meetingId: string }
  | { type: "family"; familyId: string }
  | { type: "assessment"; familyId: string; assessmentId: string }
  | { type: "sign_off"; familyId: string; subject: "plan" | "closure" }
  | { type: "request"; requestId: string }
  | { type: "my_work" }
  | { type: "none" };

const Ids = z.looseObject({
  actionId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  familyId: z.uuid().optional(),
});

/**
 * The thing a notice is about: an action, a meeting, a family, the digest's
 * "My work" — for any kind, including kinds that name only a family.
 */
export function noticeTarget(
  kind: NoticeKind,
  variables: unknown,
  noticeFamilyId: string | null,
): NoticeTarget {
  if (kind === "daily_digest") return { type: "my_work" };
  const caseTarget = caseNoticeTarget(kind, variables, noticeFamilyId);
  if (caseTarget) return caseTarget;
  const parsed = Ids.safeParse(variables);
  const ids = parsed.success ? parsed.data : {};
  const familyId = noticeFamilyId ?? ids.familyId ?? null;
  if (!familyId) return { type: "none" };
  if (ids.actionId) return { type: "action", familyId, actionId: ids.actionId };
  if (ids.meetingId) return { type: "meeting", familyId, meetingId: ids.meetingId };
  return { type: "family", familyId };
}

/**
 * A request for help's notices point at the request (they carry no family:
 * the asker may not see it); sign-off's at the assessment, or the plan's or
 * closure's sign-off on the family's pages. Null for every other kind.
 */
function caseNoticeTarget(
  kind: NoticeKind,
  variables: unknown,
  noticeFamilyId: string | null,
): NoticeTarget | null {
  if (kind === "help_request_received" || kind === "help_request_outcome") {
    const parsed = z.looseObject({ requestId: z.uuid() }).safeParse(variables);
    return parsed.success
      ? { type: "request", requestId: parsed.data.requestId }
      : { type: "none" };
  }
  if (kind === "meeting_record_review") {
    const parsed = meetingRecordReviewVariables.safeParse(variables);
    const familyId = noticeFamilyId ?? parsed.data?.familyId;
    return parsed.success && familyId === parsed.data.familyId
      ? { type: "meeting_record", familyId, meetingId: parsed.data.meetingId }
      : { type: "none" };
  }
  if (kind !== "sign_off_waiting") return null;
  const parsed = signOffWaitingVariables.safeParse(variables);
  if (!parsed.success) return null;
  const { subject, assessmentId } = parsed.data;
  // The notice's own family, never another one named in its variables.
  const familyId = noticeFamilyId ?? parsed.data.familyId;
  if (familyId !== parsed.data.familyId) return { type: "none" };
  if (subject === "assessment") {
    return assessmentId ? { type: "assessment", familyId, assessmentId } : { type: "none" };
  }
  return { type: "sign_off", familyId, subject };
}

/** The reader of a request's notice and the request as it stands now (null when it is gone). */
export interface RequestReader {
  actor: FamilyAccess["actor"];
  request: RequestFacts | null;
}

/**
 * Whether the person may still open what a notice points at: the family's
 * policy decides, now, not when the notice was written — or, for a request
 * for help, the request's policy. `access` is null when the family no longer
 * exists. A notice about something they may no longer see is listed without
 * any detail of the case and without a link.
 */
export function canOpenNoticeTarget(
  target: NoticeTarget,
  access: FamilyAccess | null,
  reader: RequestReader | null = null,
): boolean {
  if (target.type === "my_work" || target.type === "none") return true;
  if (target.type === "request") {
    const request = reader?.request;
    return (
      !!reader &&
      !!request &&
      request.id === target.requestId &&
      canOnRequest(reader.actor, request, "read")
    );
  }
  if (!access || access.familyId !== target.familyId) return false;
  if (target.type === "action") return can(access, "action", "read");
  if (target.type === "meeting" || target.type === "meeting_record") {
    return can(access, "meeting", "read");
  }
  if (target.type === "assessment") return can(access, "assessment", "read");
  if (target.type === "sign_off") {
    return target.subject === "plan"
      ? can(access, "plan_sign_off", "read")
      : can(access, "closure", "read");
  }
  return can(access, "family", "read");
}

/** Where the web client shows a target (family members see their family's own pages). */
export function noticeTargetPath(target: NoticeTarget, access: FamilyAccess | null): string | null {
  const asFamily = access ? relationshipOf(access) === "family_member" : false;
  switch (target.type) {
    case "my_work":
      return "/my-work";
    case "none":
      return null;
    case "action":
      return asFamily
        ? familyActionPath(target.familyId, target.actionId)
        : actionPath(target.familyId, target.actionId);
    case "meeting":
      return asFamily
        ? `/our-family/${target.familyId}`
        : `/families/${target.familyId}/meetings#meeting-${target.meetingId}`;
    case "meeting_record":
      return meetingRecordPath(target.familyId, target.meetingId);
    case "family":
      return asFamily ? `/our-family/${target.familyId}` : `/families/${target.familyId}`;
    case "assessment":
      return asFamily
        ? `/our-family/${target.familyId}`
        : signOffPath({ subject: "assessment", ...target });
    case "sign_off":
      return asFamily ? `/our-family/${target.familyId}` : signOffPath(target);
    case "request":
      return requestPath(target.requestId);
  }
}

/** An in-app notice's heading and a line under it; no case content in either. */
export function describeInAppNotice(content: NoticeContent): {
  title: string;
  summary: string | null;
} {
  switch (content.kind) {
    case "action_assigned":
      return { title: "You have a new action", summary: dueLine(content.variables.dueDate) };
    case "action_changed":
      return {
        title: "An action of yours was changed",
        summary: `${content.variables.changed.includes("text") ? "Its words changed. " : ""}${dueLine(content.variables.dueDate)}`,
      };
    case "action_due":
      return {
        title: "An action of yours is due tomorrow",
        summary: dueLine(content.variables.dueDate),
      };
    case "daily_digest": {
      const { overdueActions, reviewsDue } = content.variables;
      return {
        title: "Your summary for today",
        summary: `${count(overdueActions, "overdue action")}, ${count(reviewsDue, "review")} due with no meeting booked`,
      };
    }
    default:
      return { title: renderNotice(content, { publicOrigin: "" }).subject, summary: null };
  }
}

/** The same for a stored row: variables that no longer fit their kind show the subject-less fallback. */
export function describeStoredNotice(kind: NoticeKind, variables: unknown) {
  try {
    return describeInAppNotice(parseNoticeContent(kind, variables));
  } catch {
    return { title: "A notice from Teamaround", summary: null };
  }
}

function dueLine(dueDate: string): string {
  return `Due ${noticeDay(`${dueDate}T12:00:00Z`)}.`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
