import type { ReactNode } from "react";
import type { FamilyMember } from "../../api/types";
import { type SummaryRow, Tag } from "../../components/govuk";
import { formatDay } from "../../lib/dates";
import { outcomeAreaLabels } from "../../lib/labels";

const notRecorded = "Not recorded";
const lines = (text: string) =>
  text.split("\n").map((line, i, all) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one address
    <span key={i}>
      {line}
      {i < all.length - 1 ? <br /> : null}
    </span>
  ));

function aboutRows(m: FamilyMember): SummaryRow[] {
  const rows: SummaryRow[] = [
    {
      key: m.kind === "child" ? "Child" : "Adult",
      value: m.kind === "adult" ? (m.relationship ?? "Adult") : "Child or young person",
    },
  ];
  if (m.dateOfBirth) rows.push({ key: "Date of birth", value: formatDay(m.dateOfBirth) });
  if (m.kind === "adult")
    rows.push({ key: "Parental responsibility", value: m.parentalResponsibility ? "Yes" : "No" });
  if (m.kind === "child" && m.judgedCompetent)
    rows.push({ key: "Consent", value: "Judged competent to decide for themselves" });
  rows.push({
    key: "Needs",
    value:
      m.needs.length > 0 ? m.needs.map((n) => outcomeAreaLabels[n]).join(", ") : "None recorded",
  });
  rows.push({
    key: "Family portal",
    value: m.hasPortalAccount ? (
      <Tag colour="green">Has an account</Tag>
    ) : (
      <Tag colour="grey">No account</Tag>
    ),
  });
  return rows;
}

export interface MemberSection {
  title: string;
  hint?: string;
  rows: SummaryRow[];
}

/** A member's record in groups: about them, contact, language, health and education, equality. */
export function memberSections(m: FamilyMember): MemberSection[] {
  const text = (value: string | null): ReactNode => value ?? notRecorded;
  const sections: MemberSection[] = [
    { title: "About", rows: aboutRows(m) },
    {
      title: "Contact",
      rows: [
        { key: "Address", value: m.address ? lines(m.address) : notRecorded },
        { key: "Phone", value: text(m.phone) },
        { key: "Email", value: text(m.email) },
      ],
    },
    {
      title: "Language and communication",
      rows: [
        { key: "Preferred language", value: text(m.preferredLanguage) },
        { key: "Interpreter", value: m.interpreterNeeded ? "Needed" : "Not needed" },
        { key: "Communication needs", value: text(m.communicationNeeds) },
      ],
    },
    {
      title: "Health and education",
      rows: [
        { key: "GP practice", value: text(m.gpPractice) },
        { key: "School or setting", value: text(m.school) },
        { key: "Young carer", value: m.youngCarer ? "Yes" : "No" },
      ],
    },
  ];
  if (m.equality) {
    sections.push({
      title: "Equality information",
      hint: "Optional, only shown to the team and to this person.",
      rows: [
        { key: "Ethnicity", value: text(m.equality.ethnicity) },
        { key: "Religion or belief", value: text(m.equality.religion) },
        {
          key: "Disability or special educational needs",
          value: text(m.equality.disabilityOrSen),
        },
      ],
    });
  }
  return sections;
}
