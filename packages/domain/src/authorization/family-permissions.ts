import type { Relationship } from "./actor";

const staffInTeam = ["lead_professional", "team_member"] as const;
const caseReaders = ["lead_professional", "team_member", "service_manager"] as const;
const everyInsider = [
  "lead_professional",
  "team_member",
  "service_manager",
  "family_member",
] as const;
const lead = ["lead_professional"] as const;
const leadOrManager = ["lead_professional", "service_manager"] as const;

/**
 * Who may do what to a family's records, as data. A relationship absent from
 * a list is denied. `family_member` entries on actions are further limited to
 * the member's own actions (see `canChangeAction`); `sharing.read` for the
 * family only ever returns entries visible to the family.
 */
export const familyPermissions = {
  family: {
    read: everyInsider,
    update: lead,
    close: lead,
    step_up: leadOrManager,
    step_down: leadOrManager,
  },
  member: {
    read: everyInsider,
    create: staffInTeam,
    update: staffInTeam,
    /**
     * Ethnicity, religion, disability: staff only; a family member sees their
     * own (see `canSeeEqualityFields`), never another member's.
     */
    read_equality: [...caseReaders, "family_member"],
  },
  /**
   * Early Help episodes: their history, opening and closing (`family.close` closes the current one).
   * The family sees the plain history; staff also see notes, closure summaries and request links.
   */
  episode: { read: everyInsider, read_notes: caseReaders },
  /**
   * The Early Help Assessment. The team writes it; the lead submits it (or
   * completes it when the authority needs no sign-off); a service manager of
   * the owning service approves or returns it. A family member reads the
   * shared sections and their own voice only (see `canReadVoice`).
   */
  assessment: {
    read: everyInsider,
    start: lead,
    write: staffInTeam,
    submit: lead,
    complete: lead,
    sign_off: ["service_manager"],
  },
  /**
   * Closing an episode where the authority asks for a manager's sign-off: the
   * lead proposes the closure, a service manager of the case approves it (it
   * then takes effect) or returns it with comments; the lead may withdraw a
   * proposal still waiting. Staff read the proposal and its history; the
   * family never sees sign-off.
   */
  closure: { read: caseReaders, propose: lead, withdraw: lead, sign_off: ["service_manager"] },
  /**
   * The plan submitted for a manager's sign-off where the authority asks for
   * it: the lead submits the plan as it stands, a service manager approves or
   * returns it. Staff only, as for closures.
   */
  plan_sign_off: { read: caseReaders, submit: lead, sign_off: ["service_manager"] },
  /** Need-area scores 0–10 and distance travelled. */
  score: { read: everyInsider, record: staffInTeam },
  /** A review meeting's verdict, decision and next date. */
  review: { read: everyInsider, record: lead },
  /**
   * "How was it for you?": a family member answers; the lead and managers see
   * the family's figures and only the answers a member chose to share.
   */
  feedback: { answer: ["family_member"], read: leadOrManager },
  /** Whether the change lasted, asked 3 and 6 months after closure. */
  follow_up: { read: caseReaders, record: lead },
  invitation: { create: lead },
  team: {
    read: everyInsider,
    /** Former members and why they left: staff only. */
    read_former: caseReaders,
    add: lead,
    remove: lead,
    lead_handover: lead,
  },
  agreement: { read: everyInsider, record: staffInTeam },
  consent: {
    read: everyInsider,
    record: [...staffInTeam, "family_member"],
    withdraw: [...staffInTeam, "family_member"],
  },
  lawful_basis: { read: caseReaders, record: staffInTeam, end: lead },
  sharing: {
    read: everyInsider,
    /** Register entries marked not-for-family, and why the family was not told. */
    read_hidden: caseReaders,
    record: staffInTeam,
  },
  outcome: { read: everyInsider, create: staffInTeam, update: staffInTeam },
  action: {
    read: everyInsider,
    create: staffInTeam,
    update: [...staffInTeam, "family_member"],
    add_progress: [...staffInTeam, "family_member"],
  },
  /**
   * The family's audit log (and its CSV), who has looked at the records (a
   * view the lead shows the family), and reads by people no longer in the team.
   */
  audit: {
    read: leadOrManager,
    export: leadOrManager,
    read_readers: leadOrManager,
    read_former_team: leadOrManager,
  },
  /**
   * Case-file audits: a manager of the owning service grades the case file;
   * the lead professional reads the feedback on their case and acknowledges
   * it. Team members and the family never see audits.
   */
  case_audit: { read: leadOrManager, create: ["service_manager"], acknowledge: lead },
  /** Case supervision notes: kept by the manager, seen by managers and the lead only. */
  supervision: { read: leadOrManager, record: ["service_manager"] },
  /**
   * TAC meetings. The lead professional chairs: schedules, starts, moves the
   * agenda, records decisions and ends the meeting. Joining, chat and hand
   * raising also need an invitation (`canJoinMeeting`). Service managers read
   * meeting records and versions for oversight but do not join live rooms:
   * everyone present in a meeting is someone the family was told would be there.
   */
  meeting: {
    read: everyInsider,
    schedule: lead,
    update: lead,
    cancel: lead,
    start: lead,
    end: lead,
    set_agenda: lead,
    record_decision: lead,
    /** Lower someone else's raised hand. */
    moderate: lead,
    /** Who the meeting's invitations, moves and cancellations could not reach, and why. */
    read_unsent: lead,
    /** Invite partners without an account to one meeting, see them, revoke them (`guest-policy.ts`). */
    manage_guests: lead,
    /** Say that an invitee cannot come, and why (before or during the meeting). */
    record_apology: lead,
    /** Confirm the held meeting's record or comment on it (attendees only, within a week: `recordResponseRefusal`). */
    respond_record: [...staffInTeam, "family_member"],
    /** Apology reasons and staff's comments on the record: not for the family. */
    read_record_staff_parts: caseReaders,
    join: [...staffInTeam, "family_member"],
    chat: [...staffInTeam, "family_member"],
    raise_hand: [...staffInTeam, "family_member"],
    /** Join the room's audio/video call: whoever may be in the room (`canJoinMeeting`). */
    call: [...staffInTeam, "family_member"],
    /** Let someone waiting in the lobby into the room, or turn them away (`waitsInLobby`). */
    admit: lead,
  },
  /** Immutable plan versions stored when a meeting ends; family members never see practitioner notes. */
  plan_version: { read: everyInsider },
  /**
   * Family-safe PDFs made on the server: the plan, a held meeting's record and
   * the assessment, each only as the family may see it (never the practitioners'
   * notes, hidden register entries or staff-only parts), to print or hand over.
   */
  /**
   * Corrections to closed records (rectification): appended beneath the
   * original with a reason, never an edit. The lead or a service manager
   * corrects; staff read them (the family's view is not built yet).
   */
  correction: { create: leadOrManager, read: caseReaders },
  /**
   * A family member asks for a correction to a closed record they can see
   * (what is wrong, what it should say); the lead or a service manager sees
   * the requests and accepts (a correction is appended) or declines with a
   * reason. A family member reads their own requests only
   * (`canSeeCorrectionRequest`); the rest of the team does not decide them.
   */
  correction_request: {
    create: ["family_member"],
    read: [...leadOrManager, "family_member"],
    decide: leadOrManager,
  },
  printout: { plan: everyInsider, meeting_record: everyInsider, assessment: everyInsider },
} as const satisfies Record<string, Record<string, readonly Relationship[]>>;

export type FamilyResource = keyof typeof familyPermissions;
export type FamilyAction<R extends FamilyResource> = keyof (typeof familyPermissions)[R] & string;

/**
 * Who carries out a family's actions, so sees the ones they own on their own
 * list ("my actions"): staff while in the team, and family members. A service
 * manager or a former team member still named as an owner does not.
 */
export const actionOwnerRelationships: readonly Relationship[] = [...staffInTeam, "family_member"];

/**
 * Actions that also need the actor to work for an agency: a share is recorded
 * as made by the sharer's agency. An administrator in the team without one is
 * refused them.
 */
export const needsAgency: { [R in FamilyResource]?: readonly FamilyAction<R>[] } = {
  sharing: ["record"],
};

/** Actions still allowed once a case is closed (reading, and reopening it). */
export const allowedWhenClosed: { [R in FamilyResource]?: readonly FamilyAction<R>[] } = {
  family: ["read", "step_down"],
  member: ["read", "read_equality"],
  episode: ["read", "read_notes"],
  assessment: ["read"],
  closure: ["read"],
  plan_sign_off: ["read"],
  score: ["read"],
  review: ["read"],
  // The family is asked after closure, and the lead records whether change lasted.
  feedback: ["answer", "read"],
  follow_up: ["read", "record"],
  team: ["read", "read_former"],
  agreement: ["read"],
  consent: ["read", "withdraw"],
  lawful_basis: ["read", "end"],
  sharing: ["read", "read_hidden"],
  outcome: ["read"],
  action: ["read"],
  audit: ["read", "export", "read_readers", "read_former_team"],
  // Audits are often of closed cases; the lead still reads and acknowledges the feedback.
  case_audit: ["read", "create", "acknowledge"],
  supervision: ["read"],
  // A meeting left live when the case closed can still be ended, so its version is kept;
  // the lead still sees whom the cancellations that closure sent could not reach.
  meeting: ["read", "end", "read_unsent", "respond_record", "read_record_staff_parts"],
  plan_version: ["read"],
  printout: ["plan", "meeting_record", "assessment"],
  // Corrections are to closed records only.
  correction: ["create", "read"],
  correction_request: ["create", "read", "decide"],
};
