import type { FamilyMember } from "../../api/types";
import { Fieldset, Input, SingleCheckbox, Textarea } from "../../components/govuk";

/** The details a practitioner expects to find, as the form holds them (text, "" for none). */
export interface MemberDetails {
  address: string;
  phone: string;
  email: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  communicationNeeds: string;
  gpPractice: string;
  school: string;
  youngCarer: boolean;
  ethnicity: string;
  religion: string;
  disabilityOrSen: string;
}

export const detailFields = {
  address: { id: "address", label: "Address" },
  phone: { id: "phone", label: "Phone" },
  email: { id: "email", label: "Email" },
  preferredLanguage: { id: "preferredLanguage", label: "Preferred language" },
  communicationNeeds: { id: "communicationNeeds", label: "Communication needs" },
  gpPractice: { id: "gpPractice", label: "GP practice" },
  school: { id: "school", label: "School or setting" },
  ethnicity: { id: "ethnicity", label: "Ethnicity" },
  religion: { id: "religion", label: "Religion or belief" },
  disabilityOrSen: { id: "disabilityOrSen", label: "Disability or special educational needs" },
};

const textKeys = [
  "address",
  "phone",
  "email",
  "preferredLanguage",
  "communicationNeeds",
  "gpPractice",
  "school",
  "ethnicity",
  "religion",
  "disabilityOrSen",
] as const;

export function initialDetails(member: FamilyMember | undefined): MemberDetails {
  const equality = member?.equality;
  return {
    address: member?.address ?? "",
    phone: member?.phone ?? "",
    email: member?.email ?? "",
    preferredLanguage: member?.preferredLanguage ?? "",
    interpreterNeeded: member?.interpreterNeeded ?? false,
    communicationNeeds: member?.communicationNeeds ?? "",
    gpPractice: member?.gpPractice ?? "",
    school: member?.school ?? "",
    youngCarer: member?.youngCarer ?? false,
    ethnicity: equality?.ethnicity ?? "",
    religion: equality?.religion ?? "",
    disabilityOrSen: equality?.disabilityOrSen ?? "",
  };
}

/** For a new member: only what was filled in. */
export function detailsToCreate(d: MemberDetails) {
  const filled = Object.fromEntries(
    textKeys.filter((k) => d[k].trim() !== "").map((k) => [k, d[k].trim()]),
  ) as Partial<Record<(typeof textKeys)[number], string>>;
  return { ...filled, interpreterNeeded: d.interpreterNeeded, youngCarer: d.youngCarer };
}

/** For a change: every text, an emptied one cleared (null). */
export function detailsToUpdate(d: MemberDetails) {
  const texts = Object.fromEntries(textKeys.map((k) => [k, d[k].trim() || null])) as Record<
    (typeof textKeys)[number],
    string | null
  >;
  return { ...texts, interpreterNeeded: d.interpreterNeeded, youngCarer: d.youngCarer };
}

/**
 * Contact, language and communication, health and education, and the
 * optional equality questions, each group in its own fieldset.
 */
export function MemberDetailsFields({
  value,
  onChange,
  fieldError,
}: {
  value: MemberDetails;
  onChange: (value: MemberDetails) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const text = (key: (typeof textKeys)[number]) => ({
    id: key,
    value: value[key],
    onChange: (v: string) => onChange({ ...value, [key]: v }),
    error: fieldError(key),
  });
  const flag = (key: "interpreterNeeded" | "youngCarer") => ({
    id: key,
    checked: value[key],
    onChange: (v: boolean) => onChange({ ...value, [key]: v }),
  });
  return (
    <>
      <Fieldset legend="Contact details (optional)" legendSize="m">
        <Textarea label="Address" rows={3} {...text("address")} />
        <Input label="Phone" type="tel" autoComplete="off" width="20" {...text("phone")} />
        <Input
          label="Email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          {...text("email")}
        />
      </Fieldset>
      <Fieldset legend="Language and communication (optional)" legendSize="m">
        <Input label="Preferred language" width="20" {...text("preferredLanguage")} />
        <SingleCheckbox label="Needs an interpreter" {...flag("interpreterNeeded")} />
        <Textarea
          label="Communication needs"
          hint="For example, British Sign Language, easy read, large print."
          rows={2}
          {...text("communicationNeeds")}
        />
      </Fieldset>
      <Fieldset legend="Health and education (optional)" legendSize="m">
        <Input label="GP practice" {...text("gpPractice")} />
        <Input
          label="School or setting"
          hint="School, college, nursery or other setting they attend."
          {...text("school")}
        />
        <SingleCheckbox
          label="Is a young carer"
          hint="Looks after someone in the family who is ill, disabled or misuses drugs or alcohol."
          {...flag("youngCarer")}
        />
      </Fieldset>
      <Fieldset legend="Equality information (optional)" legendSize="m" describedBy="equality-hint">
        <div id="equality-hint" className="govuk-hint">
          Optional, only shown to the team and to this person – never to other members of the
          family. Use their own words.
        </div>
        <Input label="Ethnicity" {...text("ethnicity")} />
        <Input label="Religion or belief" {...text("religion")} />
        <Textarea
          label="Disability or special educational needs"
          rows={2}
          {...text("disabilityOrSen")}
        />
      </Fieldset>
    </>
  );
}
