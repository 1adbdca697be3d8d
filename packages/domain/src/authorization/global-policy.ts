import { AppError } from "../shared/app-error";
import type { UserRole } from "../shared/vocabulary";
import type { Actor } from "./actor";

/**
 * Permissions that do not concern one family: administration, the staff
 * directory, starting a case, and one's own work lists.
 */
export const globalPermissions = {
  agency: { list: ["practitioner", "manager", "administrator"], manage: ["administrator"] },
  user: {
    list_directory: ["practitioner", "manager", "administrator"],
    manage: ["administrator"],
  },
  family: {
    create: ["practitioner", "manager"],
    list_mine: ["practitioner", "manager", "family_member"],
  },
  my_actions: { list: ["practitioner", "manager", "family_member"] },
  /** Follow-ups after closure the actor is reminded of (as the lead): staff only. */
  my_follow_ups: { list: ["practitioner", "manager"] },
  /**
   * Requests for help: any staff of an agency may ask; the triage queue lists
   * requests to the actor's own service (`requestRelationship` decides each one).
   */
  help_request: {
    create: ["practitioner", "manager"],
    list: ["practitioner", "manager"],
  },
  /** Case-file audits of my cases waiting for me to read and acknowledge them (as the lead). */
  my_case_audits: { list: ["practitioner", "manager"] },
  /** A quarterly random sample of the manager's service's cases, drawn for audit. */
  audit_sample: { draw: ["manager"], list: ["manager"] },
  /** The manager's workspace: caseload, drift queue and sign-off queue of their service. */
  manager_workspace: { read: ["manager"] },
  /**
   * The partnership's aggregate figures: analysts see the whole partnership,
   * managers their own service's.
   */
  figures: { read: ["partnership_analyst", "manager"] },
  authority: {
    read: ["practitioner", "manager", "administrator", "family_member", "partnership_analyst"],
    manage: ["administrator"],
  },
  /**
   * Closed families whose records fall due for review under the authority's
   * retention rule, and what happens next: extend, legal hold, erase.
   * Administrators only: it is authority-wide information governance, and an
   * erasure cannot be undone.
   */
  retention_review: {
    list: ["administrator"],
    extend: ["administrator"],
    hold: ["administrator"],
    erase: ["administrator"],
  },
  /**
   * A subject access request: everything held about one family member, as
   * JSON and PDF, third parties marked for redaction review. Administrators
   * only (information governance for the whole authority; there is no
   * separate data-protection role).
   */
  subject_access: { export: ["administrator"] },
  /**
   * The one meeting a guest partner's invitation lets them into (`GET
   * /api/guest/meeting`): guests only; which meeting, and whether the
   * invitation still holds, is the guest policy's (`canInMeeting`).
   */
  guest_meeting: { read: ["guest"] },
  /** The local outbox: every message the service kept instead of sending (administrators). */
  notice_outbox: { read: ["administrator"] },
  /** In demo mode, what would have been sent to me: anyone signed in, their own messages only. */
  my_outbox: {
    read: ["practitioner", "manager", "administrator", "family_member", "partnership_analyst"],
  },
  /** One's own in-app notices (listing them, marking them read): anyone signed in, their own only. */
  my_notifications: {
    read: ["practitioner", "manager", "administrator", "family_member", "partnership_analyst"],
    update: ["practitioner", "manager", "administrator", "family_member", "partnership_analyst"],
  },
  /**
   * When one's notices of the day come and which optional notices come by
   * email: anyone signed in, their own only (which kinds each role is
   * offered is `optionalNoticeKindsFor`; everyone may stop new-sign-in emails).
   */
  my_notice_preferences: {
    read: ["practitioner", "manager", "administrator", "family_member", "partnership_analyst"],
    update: ["practitioner", "manager", "administrator", "family_member", "partnership_analyst"],
  },
} as const satisfies Record<string, Record<string, readonly UserRole[]>>;

export type GlobalResource = keyof typeof globalPermissions;
export type GlobalAction<R extends GlobalResource> = keyof (typeof globalPermissions)[R] & string;

/**
 * Actions that also need the actor to work for an agency: a new case is owned
 * by its creator's agency.
 */
export const globalNeedsAgency: { [R in GlobalResource]?: readonly GlobalAction<R>[] } = {
  family: ["create"],
  help_request: ["create", "list"],
  manager_workspace: ["read"],
  audit_sample: ["draw", "list"],
};

function roleAllows<R extends GlobalResource>(actor: Actor, resource: R, action: GlobalAction<R>) {
  const allowed = (globalPermissions[resource] as Record<string, readonly UserRole[]>)[action];
  return allowed?.includes(actor.role) ?? false;
}

function needsAgencyButHasNone<R extends GlobalResource>(
  actor: Actor,
  resource: R,
  action: GlobalAction<R>,
): boolean {
  const listed = (globalNeedsAgency[resource] as readonly string[] | undefined)?.includes(action);
  return (listed ?? false) && actor.agencyId === null;
}

/** Default deny: the role is listed, and the actor works for an agency where the action needs one. */
export function canGlobal<R extends GlobalResource>(
  actor: Actor,
  resource: R,
  action: GlobalAction<R>,
): boolean {
  return roleAllows(actor, resource, action) && !needsAgencyButHasNone(actor, resource, action);
}

export function authorizeGlobal<R extends GlobalResource>(
  actor: Actor,
  resource: R,
  action: GlobalAction<R>,
): void {
  if (!roleAllows(actor, resource, action)) {
    throw new AppError("forbidden", "Your role does not allow this.");
  }
  if (needsAgencyButHasNone(actor, resource, action)) {
    throw new AppError("forbidden", "Only staff of an agency may do this.");
  }
}

export type GlobalAbilities = { [R in GlobalResource]: { [A in GlobalAction<R>]: boolean } };

export function globalAbilities(actor: Actor): GlobalAbilities {
  const result: Record<string, Record<string, boolean>> = {};
  for (const [resource, actions] of Object.entries(globalPermissions)) {
    const row: Record<string, boolean> = {};
    for (const action of Object.keys(actions)) {
      row[action] = canGlobal(actor, resource as GlobalResource, action as never);
    }
    result[resource] = row;
  }
  return result as GlobalAbilities;
}
