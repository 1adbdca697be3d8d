import type { Authority, FamilyAbilities, Me } from "../api/types";

export const familyId = "4d76d366-3184-4d2d-8c46-9561a0d3b543";

export const authority: Authority = {
  id: "25087e08-a641-4192-a29b-1cd0dc793fa6",
  name: "Eastmoor Borough Council",
  levelsOfNeed: [
    { level: 1, label: "Universal", description: "Needs met by universal services" },
    { level: 2, label: "Early help", description: "One or two services" },
    { level: 3, label: "Targeted early help", description: "A team around the family" },
    { level: 4, label: "Statutory", description: "Child in need or child protection" },
  ],
  reviewMinWeeks: 6,
  reviewMaxWeeks: 12,
  leadProfessionalTitle: "Lead professional",
  requireStaffTotp: false,
  assessmentSignOffRequired: true,
  firstTacWorkingDays: 15,
  scoreLowLabel: "Very worried",
  scoreHighLabel: "All well",
  triageTargetWorkingDays: 5,
  assessmentTargetWorkingDays: 45,
  actionOverdueDays: 14,
  localities: [],
};

export function meResponse(overrides: Partial<Me> = {}) {
  return {
    data: {
      id: "9d1d97fe-9e71-473b-835a-b6f5e0445342",
      displayName: "Jordan Hale",
      email: "lead@demo.teamaround.test",
      role: "practitioner",
      jobTitle: "Family Support Worker",
      agency: {
        id: "c76729ba-d188-4f44-a651-f1904e0fde4e",
        name: "Eastmoor Early Help Service",
        type: "other",
      },
      totpEnabled: false,
      totpEnrolmentRequired: false,
      authority,
      ...overrides,
    },
    abilities: {
      agency: { list: true, manage: false },
      user: { list_directory: true, manage: false },
      family: { create: true, list_mine: true },
      my_actions: { list: true },
      my_follow_ups: { list: true },
      authority: { read: true, manage: false },
      help_request: { create: true, list: true },
      my_case_audits: { list: true },
      audit_sample: { draw: false, list: false },
      manager_workspace: { read: false },
      figures: { read: false },
    },
  };
}

/** Every ability off; tests turn on what they need. */
export function noAbilities(): FamilyAbilities {
  return {
    family: { read: true, update: false, close: false, step_up: false, step_down: false },
    member: { read: false, create: false, update: false, read_equality: false },
    episode: { read: false, read_notes: false },
    assessment: {
      read: false,
      start: false,
      write: false,
      submit: false,
      complete: false,
      sign_off: false,
    },
    score: { read: false, record: false },
    review: { read: false, record: false },
    feedback: { answer: false, read: false },
    follow_up: { read: false, record: false },
    invitation: { create: false },
    team: { read: true, read_former: false, add: false, remove: false, lead_handover: false },
    agreement: { read: false, record: false },
    consent: { read: false, record: false, withdraw: false },
    lawful_basis: { read: false, record: false, end: false },
    sharing: { read: false, read_hidden: false, record: false },
    outcome: { read: false, create: false, update: false },
    action: { read: false, create: false, update: false, add_progress: false },
    audit: { read: false },
    case_audit: { read: false, create: false, acknowledge: false },
    supervision: { read: false, record: false },
    meeting: {
      read: false,
      schedule: false,
      update: false,
      cancel: false,
      start: false,
      end: false,
      set_agenda: false,
      record_decision: false,
      moderate: false,
      join: false,
      chat: false,
      raise_hand: false,
    },
    plan_version: { read: false },
  };
}

export const family = {
  id: familyId,
  reference: "EH-DEMO-0001",
  displayName: "The Ashdown family",
  levelOfNeed: 3,
  status: "plan_active" as const,
  origin: "early_help_request" as const,
  steppedDownAt: null,
  closureReason: null,
  closureNote: null,
  closedAt: null,
  owningAgencyId: "c76729ba-d188-4f44-a651-f1904e0fde4e",
  version: 4,
  createdAt: "2026-10-14T06:24:07.734Z",
  updatedAt: "2026-11-23T06:24:07.720Z",
};

export const team = [
  {
    id: "0cf871a7-245a-4fed-aeaa-ec3be2655ecf",
    userId: "9d1d97fe-9e71-473b-835a-b6f5e0445342",
    displayName: "Jordan Hale",
    jobTitle: "Family Support Worker",
    agency: {
      id: "c76729ba-d188-4f44-a651-f1904e0fde4e",
      name: "Eastmoor Early Help Service",
      type: "other",
    },
    role: "lead_professional",
    consentId: null,
    lawfulBasisId: null,
    addedAt: "2026-11-23T06:24:07.720Z",
    removedAt: null,
    removedReason: null,
  },
  {
    id: "b81da275-e25c-46e5-ab64-308081f2bcbf",
    userId: "85d4c1c4-d813-472d-bc71-757aba02169e",
    displayName: "Sam Okafor",
    jobTitle: "Health Visitor",
    agency: {
      id: "34adbcf0-f0f3-4245-a6d6-fab4264625d9",
      name: "Eastmoor Health Visiting Team",
      type: "health",
    },
    role: "member",
    consentId: "0cad36c2-13ec-4604-8d5e-0c964a8da836",
    lawfulBasisId: null,
    addedAt: "2026-11-23T06:24:07.720Z",
    removedAt: null,
    removedReason: null,
  },
];
