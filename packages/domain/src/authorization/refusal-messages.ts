import type { FamilyAction, FamilyResource } from "./family-permissions";

/**
 * What each family permission lets someone do, as the end of "You may not …".
 * Written out per cell: deriving English from identifiers gave "You may not
 * read former this team". The type makes a missing cell a compile error.
 */
const doing: { [R in FamilyResource]: { [A in FamilyAction<R>]: string } } = {
  family: {
    read: "see this family",
    update: "change this family's details",
    close: "close this case",
    step_up: "step this case up",
    step_down: "step this case down",
  },
  member: {
    read: "see this family's members",
    create: "add a family member",
    update: "change a family member's details",
    read_equality: "see this person's equality details",
  },
  episode: {
    read: "see this family's early help episodes",
    read_notes: "see the practitioners' notes on this family's episodes",
  },
  assessment: {
    read: "see this family's assessment",
    start: "start an assessment",
    write: "write in the assessment",
    submit: "submit the assessment for sign off",
    complete: "complete the assessment",
    sign_off: "sign off the assessment",
  },
  closure: {
    read: "see the closure waiting for sign off",
    propose: "propose closing this case",
    withdraw: "withdraw the proposal to close this case",
    sign_off: "sign off closing this case",
  },
  plan_sign_off: {
    read: "see the plan's sign off",
    submit: "submit the plan for sign off",
    sign_off: "sign off the plan",
  },
  score: { read: "see this family's scores", record: "record scores" },
  review: { read: "see this family's reviews", record: "record a review" },
  feedback: { answer: "answer the family's feedback questions", read: "see what the family said" },
  follow_up: {
    read: "see the follow ups after closure",
    record: "record whether the change lasted",
  },

  invitation: { create: "invite a family member to the portal" },
  team: {
    read: "see this family's team",
    read_former: "see this team's former members",
    add: "add someone to this team",
    remove: "remove someone from this team",
    lead_handover: "hand over the lead of this team",
  },
  agreement: { read: "see this family's agreement", record: "record the family's agreement" },
  consent: {
    read: "see this family's consents",
    record: "record a consent",
    withdraw: "withdraw a consent",
  },
  lawful_basis: {
    read: "see this family's lawful bases",
    record: "record a lawful basis",
    end: "end a lawful basis",
  },
  sharing: {
    read: "see this family's sharing register",
    read_hidden: "see register entries hidden from the family",
    record: "record a share",
  },
  outcome: {
    read: "see this family's outcomes",
    create: "add an outcome",
    update: "change an outcome",
  },
  action: {
    read: "see this family's actions",
    create: "add an action",
    update: "change an action",
    add_progress: "add progress to an action",
  },
  audit: {
    read: "see this family's audit log",
    export: "download this family's audit log",
    read_readers: "see who has looked at this family's records",
    read_former_team: "see reads by people no longer in this family's team",
  },
  case_audit: {
    read: "see this family's case file audits",
    create: "audit this case file",
    acknowledge: "acknowledge this audit",
  },
  supervision: {
    read: "see this family's supervision notes",
    record: "record a supervision note",
  },
  meeting: {
    read: "see this family's meetings",
    schedule: "schedule a meeting",
    update: "change a meeting",
    cancel: "cancel a meeting",
    start: "start a meeting",
    end: "end a meeting",
    set_agenda: "set a meeting's agenda",
    record_decision: "record a decision in a meeting",
    moderate: "lower someone else's raised hand",
    read_unsent: "see whom a meeting's invitations did not reach",
    manage_guests: "invite guests to a meeting",
    record_apology: "record apologies for a meeting",
    respond_record: "confirm or comment on a meeting's record",
    read_record_staff_parts: "see the staff's parts of a meeting's record",
    join: "join a meeting",
    chat: "chat in a meeting",
    raise_hand: "raise your hand in a meeting",
    call: "join a meeting's call",
    admit: "let people into a meeting from the lobby",
  },
  plan_version: { read: "see this family's stored plan versions" },
  printout: {
    plan: "download this family's plan",
    meeting_record: "download this meeting's record",
    assessment: "download this family's assessment",
  },
  correction: {
    create: "correct this family's closed records",
    read: "see the corrections to this family's records",
  },
  correction_request: {
    create: "ask for a correction to this family's records",
    read: "see the requests for corrections to this family's records",
    decide: "decide a request for a correction",
  },
};

function phrase<R extends FamilyResource>(resource: R, action: FamilyAction<R>): string {
  return (doing[resource] as Record<string, string>)[action] ?? "do this";
}

/** Why an insider was refused: "You may not see this team's former members." */
export function refusalMessage<R extends FamilyResource>(
  resource: R,
  action: FamilyAction<R>,
): string {
  return `You may not ${phrase(resource, action)}.`;
}

/** Why someone whose relationship allows it, but who works for no agency, was refused. */
export function agencyStaffOnlyMessage<R extends FamilyResource>(
  resource: R,
  action: FamilyAction<R>,
): string {
  return `Only staff of an agency may ${phrase(resource, action)}.`;
}
