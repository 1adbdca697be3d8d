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
  member: { read: everyInsider, create: staffInTeam, update: staffInTeam },
  invitation: { create: lead },
  team: { read: everyInsider, add: lead, remove: lead },
  agreement: { read: everyInsider, record: staffInTeam },
  consent: {
    read: everyInsider,
    record: [...staffInTeam, "family_member"],
    withdraw: [...staffInTeam, "family_member"],
  },
  lawful_basis: { read: caseReaders, record: staffInTeam },
  sharing: { read: everyInsider, record: staffInTeam },
  outcome: { read: everyInsider, create: staffInTeam, update: staffInTeam },
  action: {
    read: everyInsider,
    create: staffInTeam,
    update: [...staffInTeam, "family_member"],
    add_progress: [...staffInTeam, "family_member"],
  },
  audit: { read: leadOrManager },
} as const satisfies Record<string, Record<string, readonly Relationship[]>>;

export type FamilyResource = keyof typeof familyPermissions;
export type FamilyAction<R extends FamilyResource> = keyof (typeof familyPermissions)[R] & string;

/** Actions still allowed once a case is closed (reading, and reopening it). */
export const allowedWhenClosed: { [R in FamilyResource]?: readonly FamilyAction<R>[] } = {
  family: ["read", "step_down"],
  member: ["read"],
  team: ["read"],
  agreement: ["read"],
  consent: ["read", "withdraw"],
  lawful_basis: ["read"],
  sharing: ["read"],
  outcome: ["read"],
  action: ["read"],
  audit: ["read"],
};
