/**
 * Every audit event the system writes, with its kind and its plain words.
 * The table is keyed by event name, so an event without wording or kind
 * fails to typecheck wherever it is recorded (`recordAudit` takes an
 * `AuditEventName`).
 */
export const auditKinds = ["reads", "changes", "sharing", "meetings", "access", "exports"] as const;
export type AuditKind = (typeof auditKinds)[number];

export const auditKindLabels: Record<AuditKind, string> = {
  reads: "Reads",
  changes: "Changes",
  sharing: "Sharing and consent",
  meetings: "Meetings",
  access: "Sign-in and access",
  exports: "Downloads and exports",
};

/** `subject` is the name of the thing acted on (an action's text, an outcome's title), when known. */
type Words = string | ((subject: string | undefined) => string);

interface EventWording {
  kind: AuditKind;
  words: Words;
}

const named = (known: string, unknown: string) => (subject: string | undefined) =>
  subject ? `${known} ‘${subject}’` : unknown;

export const auditEventWording = {
  "access.refused": { kind: "access", words: "was refused access to a record" },
  "action.add_progress": {
    kind: "changes",
    words: named("added progress to the action", "added progress to an action"),
  },
  "action.audience_change": {
    kind: "changes",
    words: named(
      "changed who in the family can see the action",
      "changed who in the family can see an action",
    ),
  },
  "action.create": { kind: "changes", words: named("added the action", "added an action") },
  "action.update": { kind: "changes", words: named("changed the action", "changed an action") },
  "agency.create": { kind: "changes", words: "added an agency" },
  "agency.update": { kind: "changes", words: "changed an agency's details" },
  "agreement.list": { kind: "reads", words: "read the family's agreements" },
  "agreement.record": { kind: "sharing", words: "recorded a family member's agreement" },
  "assessment.approve": { kind: "changes", words: "approved the assessment" },
  "assessment.complete": { kind: "changes", words: "completed the assessment" },
  "assessment.download": { kind: "exports", words: "downloaded the assessment" },
  "assessment.list": { kind: "reads", words: "read the list of assessments" },
  "assessment.read": { kind: "reads", words: "read the assessment" },
  "assessment.return": { kind: "changes", words: "returned the assessment for changes" },
  "assessment.score": { kind: "changes", words: "scored the assessment" },
  "assessment.start": { kind: "changes", words: "started an assessment" },
  "assessment.submit": { kind: "changes", words: "submitted the assessment for sign-off" },
  "assessment.write": { kind: "changes", words: "wrote in the assessment" },
  "audit.export": { kind: "exports", words: "downloaded the audit log" },
  "audit.read": { kind: "reads", words: "read the audit log" },
  "audit.read_former_team": {
    kind: "reads",
    words: "read the report of reads by people no longer in the team",
  },
  "audit.read_readers": { kind: "reads", words: "read who has looked at the records" },
  "audit_sample.draw": { kind: "changes", words: "drew a sample of cases to audit" },
  "audit_sample.list": { kind: "reads", words: "read the case audit samples" },
  "authority.update": { kind: "changes", words: "changed the authority's settings" },
  "case_audit.acknowledge": { kind: "changes", words: "acknowledged a case file audit" },
  "case_audit.create": { kind: "changes", words: "audited the case file" },
  "case_audit.list": { kind: "reads", words: "read the case file audits" },
  "case_audit.list_mine": { kind: "reads", words: "read their case file audits" },
  "closure.approve": { kind: "changes", words: "approved closing the case" },
  "closure.propose": { kind: "changes", words: "proposed closing the case" },
  "closure.read": { kind: "reads", words: "read the closure proposal" },
  "closure.return": { kind: "changes", words: "returned the closure proposal" },
  "closure.withdraw": { kind: "changes", words: "withdrew the closure proposal" },
  "consent.list": { kind: "reads", words: "read the consent records" },
  "consent.record": { kind: "sharing", words: "recorded consent" },
  "consent.withdraw": { kind: "sharing", words: "withdrew consent" },
  "correction.create": { kind: "changes", words: "added a correction to a closed record" },
  "correction.list": { kind: "reads", words: "read the corrections to a record" },
  "correction_request.accept": {
    kind: "changes",
    words: "accepted a family member's request for a correction",
  },
  "correction_request.create": { kind: "changes", words: "asked for a correction to a record" },
  "correction_request.decline": {
    kind: "changes",
    words: "declined a family member's request for a correction",
  },
  "correction_request.list": { kind: "reads", words: "read the requests for corrections" },
  "directory.search": { kind: "reads", words: "searched the directory" },
  "distance.read": { kind: "reads", words: "read the distance travelled" },
  "document.join": { kind: "meetings", words: "opened a shared document" },
  "episode.list": { kind: "reads", words: "read the case history" },
  "family.close": { kind: "changes", words: "closed the case" },
  "family.erase": { kind: "changes", words: "erased the family's record (retention)" },
  "family.create": { kind: "changes", words: "started the case" },
  "family.list": { kind: "reads", words: "read their list of families" },
  "family.read": { kind: "reads", words: "read the family's record" },
  "family.step_down": { kind: "changes", words: "stepped the case down" },
  "family.step_up": { kind: "changes", words: "stepped the case up" },
  "family.update": { kind: "changes", words: "changed the family's details" },
  "family.watch": { kind: "reads", words: "followed the family's record live" },
  "feedback.answer": { kind: "changes", words: "answered the feedback questions" },
  "feedback.list_open": { kind: "reads", words: "read the open feedback requests" },
  "feedback.read": { kind: "reads", words: "read the family's feedback" },
  "figures.read": { kind: "reads", words: "read the figures" },
  "follow_up.list_due": { kind: "reads", words: "read the follow-ups due" },
  "follow_up.record": { kind: "changes", words: "recorded a follow-up" },
  "help_request.accept": { kind: "changes", words: "accepted the request for help" },
  "help_request.create": { kind: "changes", words: "made a request for help" },
  "help_request.list": { kind: "reads", words: "read the requests for help" },
  "help_request.not_accepted": { kind: "changes", words: "did not accept the request for help" },
  "help_request.read": { kind: "reads", words: "read the request for help" },
  "help_request.signpost": { kind: "changes", words: "signposted the request for help" },
  "invitation.create": { kind: "access", words: "invited a family member to sign in" },
  "lawful_basis.end": { kind: "sharing", words: "ended a lawful basis for sharing" },
  "lawful_basis.list": { kind: "reads", words: "read the lawful bases for sharing" },
  "lawful_basis.record": { kind: "sharing", words: "recorded a lawful basis for sharing" },
  "manager.caseload.read": { kind: "reads", words: "read the service's caseload" },
  "manager.drift.read": { kind: "reads", words: "read the list of cases drifting" },
  "manager.sign_offs.read": { kind: "reads", words: "read the sign-offs waiting" },
  "meeting.agenda_set": { kind: "meetings", words: "set the meeting's agenda" },
  "meeting.apology.record": { kind: "meetings", words: "sent apologies for a meeting" },
  "meeting.call_join": { kind: "meetings", words: "joined the meeting's call" },
  "meeting.cancel": { kind: "meetings", words: "cancelled a meeting" },
  "meeting.chat": { kind: "meetings", words: "wrote in the meeting's chat" },
  "meeting.decision_record": { kind: "meetings", words: "recorded a decision in a meeting" },
  "meeting.end": { kind: "meetings", words: "ended a meeting" },
  "meeting.guest.invite": { kind: "meetings", words: "invited a guest to a meeting" },
  "meeting.guest.revoke": { kind: "meetings", words: "withdrew a guest's invitation" },
  "meeting.guest.sign_in": { kind: "access", words: "signed in as a guest" },
  "meeting.guest.sign_in_failed": { kind: "access", words: "failed to sign in as a guest" },
  "meeting.guests.read": { kind: "reads", words: "read a meeting's guest list" },
  "meeting.join": { kind: "meetings", words: "joined a meeting" },
  "meeting.list": { kind: "reads", words: "read the list of meetings" },
  "meeting.lobby_admit": { kind: "meetings", words: "let someone into a meeting" },
  "meeting.lobby_decline": { kind: "meetings", words: "turned someone away from a meeting" },
  "meeting.read": { kind: "reads", words: "read a meeting" },
  "meeting.schedule": { kind: "meetings", words: "arranged a meeting" },
  "meeting.start": { kind: "meetings", words: "started a meeting" },
  "meeting.unsent_notices.read": { kind: "reads", words: "read the meeting notices not sent" },
  "meeting.update": { kind: "meetings", words: "changed a meeting" },
  "meeting_record.comment": { kind: "meetings", words: "commented on a meeting record" },
  "meeting_record.confirm": { kind: "meetings", words: "confirmed a meeting record" },
  "meeting_record.download": { kind: "exports", words: "downloaded a meeting record" },
  "meeting_record.read": { kind: "reads", words: "read a meeting record" },
  "member.create": { kind: "changes", words: "added a family member" },
  "member.list": { kind: "reads", words: "read the list of family members" },
  "member.update": { kind: "changes", words: "changed a family member's details" },
  "my_actions.list": { kind: "reads", words: "read their list of actions" },
  "notice.failed": { kind: "changes", words: "could not send a notice" },
  "notice.sent": { kind: "changes", words: "sent a notice" },
  "notice_outbox.read": { kind: "reads", words: "read the notices waiting to be sent" },
  "notice_preferences.update": { kind: "changes", words: "changed how they get notices" },
  "notification.read": { kind: "changes", words: "marked a notification as read" },
  "notification.read_all": { kind: "changes", words: "marked all notifications as read" },
  "outcome.audience_change": {
    kind: "changes",
    words: named(
      "changed who in the family can see the outcome",
      "changed who in the family can see an outcome",
    ),
  },
  "outcome.create": { kind: "changes", words: named("added the outcome", "added an outcome") },
  "outcome.update": { kind: "changes", words: named("changed the outcome", "changed an outcome") },
  "plan.download": { kind: "exports", words: "downloaded the plan" },
  "plan.read": { kind: "reads", words: "read the plan" },
  "plan_sign_off.approve": { kind: "changes", words: "approved the plan" },
  "plan_sign_off.read": { kind: "reads", words: "read the plan's sign-off" },
  "plan_sign_off.return": { kind: "changes", words: "returned the plan for changes" },
  "plan_sign_off.submit": { kind: "changes", words: "sent the plan for sign-off" },
  "plan_version.create": { kind: "changes", words: "saved a version of the plan" },
  "plan_version.diff": { kind: "reads", words: "compared versions of the plan" },
  "plan_version.list": { kind: "reads", words: "read the plan's versions" },
  "plan_version.read": { kind: "reads", words: "read a version of the plan" },
  "retention.extend": { kind: "changes", words: "kept the family's record for longer" },
  "retention.hold": { kind: "changes", words: "placed a legal hold on the family's record" },
  "retention.lift_hold": { kind: "changes", words: "lifted the legal hold on the family's record" },
  "retention.list": { kind: "reads", words: "read the records due for review" },
  "review.list": { kind: "reads", words: "read the reviews" },
  "review.read": { kind: "reads", words: "read a review" },
  "review.record": { kind: "changes", words: "recorded a review" },
  "session.create": { kind: "access", words: "signed in" },
  "session.end": { kind: "access", words: "signed out" },
  "session.revoke": { kind: "access", words: "signed out a device" },
  "session.revoke_others": { kind: "access", words: "signed out their other devices" },
  "session.sign_in_failed": { kind: "access", words: "failed to sign in" },
  "session.totp_failed": { kind: "access", words: "entered a wrong security code" },
  "session.totp_verified": { kind: "access", words: "entered their security code" },
  "sharing.list": { kind: "reads", words: "read the record of sharing" },
  "sharing.record": { kind: "sharing", words: "recorded sharing information" },
  "subject_access.export": {
    kind: "exports",
    words: "exported everything held about a family member (subject access)",
  },
  "subject_access.export_staff": {
    kind: "exports",
    words: "exported everything held about a member of staff (subject access)",
  },
  "subject_access.find": {
    kind: "reads",
    words: "looked up a family for a subject access request",
  },
  "supervision.list": { kind: "reads", words: "read the supervision notes" },
  "supervision.record": { kind: "changes", words: "recorded a supervision note" },
  "team.add": { kind: "sharing", words: "added someone to the team" },
  "team.lead_handover": { kind: "sharing", words: "handed over the lead role" },
  "team.list": { kind: "reads", words: "read the team" },
  "team.remove": { kind: "sharing", words: "removed someone from the team" },
  "totp.enable": { kind: "access", words: "turned on two-step sign-in" },
  "totp.enrol_begin": { kind: "access", words: "began setting up two-step sign-in" },
  "user.create": { kind: "changes", words: "created an account" },
  "user.deactivate": { kind: "access", words: "deactivated an account" },
  "user.invitation_create": { kind: "access", words: "invited someone to set up an account" },
  "user.reactivate": { kind: "access", words: "reactivated an account" },
  "user.set_password": { kind: "access", words: "set a password" },
  "user.sso_linked": { kind: "access", words: "linked their account to the council's sign-in" },
  "user.update": { kind: "changes", words: "changed an account" },
} as const satisfies Record<string, EventWording>;

export type AuditEventName = keyof typeof auditEventWording;

/** Every event name, sorted, e.g. for the filter and for tests. */
export const auditEventNames = Object.keys(auditEventWording).sort() as AuditEventName[];

export function isAuditEventName(event: string): event is AuditEventName {
  return Object.hasOwn(auditEventWording, event);
}

export function auditKindOf(event: string): AuditKind | null {
  return isAuditEventName(event) ? auditEventWording[event].kind : null;
}

/** The events of one kind, e.g. to filter the log with `event = any(...)`. */
export function auditEventsOfKind(kind: AuditKind): AuditEventName[] {
  return auditEventNames.filter((event) => auditEventWording[event].kind === kind);
}

/** What was done, without who: "read the plan", "added the action ‘Call the school nurse’". */
export function auditEventWords(event: string, subject?: string): string {
  if (!isAuditEventName(event)) return "did something the log has no words for";
  const words: Words = auditEventWording[event].words;
  return typeof words === "string" ? words : words(subject);
}
