import type {
  AgencyType,
  ClosureReason,
  ConsentMethod,
  Family,
  InformationKind,
  LawfulBasisKind,
  NotToldReason,
  OutcomeArea,
  Role,
} from "../api/types";
import type { SelectOption } from "../components/govuk";

/** Words for the API's vocabularies. Typed as records, so a new value fails the type check. */
export const outcomeAreaLabels: Record<OutcomeArea, string> = {
  education: "Education",
  early_years: "Early years",
  health: "Health",
  substance_use: "Drug and alcohol use",
  family_relationships: "Family relationships",
  safety_from_abuse_and_exploitation: "Safety from abuse and exploitation",
  crime: "Crime and antisocial behaviour",
  domestic_abuse: "Domestic abuse",
  housing: "Housing",
  financial_stability: "Money and financial stability",
};

export const informationKindLabels: Record<InformationKind, string> = {
  contact_details: "Contact details",
  education: "Education",
  health: "Health",
  mental_health: "Mental health",
  family_circumstances: "Family circumstances",
  housing: "Housing",
  finances: "Money",
  offending: "Offending",
  domestic_abuse: "Domestic abuse",
  substance_use: "Drug and alcohol use",
};

export const consentMethodLabels: Record<ConsentMethod, string> = {
  in_person: "In person",
  phone: "By phone",
  written: "In writing",
  online: "Online",
};

export const lawfulBasisLabels: Record<LawfulBasisKind, string> = {
  public_task: "Public task (UK GDPR article 6(1)(e))",
  legal_obligation: "Legal obligation (UK GDPR article 6(1)(c))",
  vital_interests: "Vital interests (UK GDPR article 6(1)(d))",
  safeguarding_of_children: "Safeguarding of children (DPA 2018 schedule 1, paragraph 18)",
};

export const notToldReasonLabels: Record<NotToldReason, string> = {
  risk_of_harm: "Telling them would put someone at risk of harm",
  prejudice_crime_investigation: "Telling them would prejudice a crime investigation",
  harmful_delay: "Telling them would cause a harmful delay",
};

export const closureReasonLabels: Record<ClosureReason | "stepped_up", string> = {
  outcomes_met: "Outcomes met",
  family_declined: "The family declined support",
  moved_away: "The family moved away",
  other_service: "Another service is supporting the family",
  stepped_up: "Stepped up to children's social care",
};

export const familyStatusLabels: Record<Family["status"], string> = {
  assessment_started: "Assessment started",
  plan_active: "Plan in place",
  closed: "Closed",
};

export const agencyTypeLabels: Record<AgencyType, string> = {
  school: "School",
  early_years: "Early years",
  health: "Health",
  police: "Police",
  housing: "Housing",
  childrens_social_care: "Children's social care",
  adult_services: "Adult services",
  voluntary: "Voluntary sector",
  other: "Other",
};

export const roleLabels: Record<Role, string> = {
  practitioner: "Practitioner",
  manager: "Manager",
  administrator: "Administrator",
  family_member: "Family member",
  partnership_analyst: "Partnership analyst",
  guest: "Guest",
};

/** Options for a select, with a first "choose" option that sends nothing. */
export function optionsOf<K extends string>(
  labels: Record<K, string>,
  choose?: string,
): SelectOption[] {
  const options = (Object.entries(labels) as [K, string][]).map(([value, label]) => ({
    value,
    label,
  }));
  return choose ? [{ value: "", label: choose }, ...options] : options;
}

/** The authority's words for a level of need: "3 – Targeted early help". */
export function levelOfNeedLabel(
  level: number,
  levels: { level: number; label: string }[],
): string {
  const found = levels.find((l) => l.level === level);
  return found ? `${level} – ${found.label}` : `Level ${level}`;
}
