import type { FamilyAudience, FamilyMember } from "../../api/types";
import { Checkboxes, Radios } from "../../components/govuk";

type Kind = FamilyAudience["kind"];

export const wholeFamily: FamilyAudience = { kind: "whole_family", memberIds: [] };

const kindWords: Record<Kind, string> = {
  whole_family: "The whole family",
  parental_responsibility: "Adults with parental responsibility",
  young_person: "One young person only",
  named_members: "Named family members",
};

type Member = Pick<FamilyMember, "id" | "kind" | "givenName" | "familyName">;

const nameOf = (m: Member) => `${m.givenName} ${m.familyName}`;

/** "Seen by: …" beside an item, for practitioners: who in the family can see it. */
export function seenByWords(audience: FamilyAudience, members: readonly Member[]): string {
  switch (audience.kind) {
    case "whole_family":
      return "the whole family";
    case "parental_responsibility":
      return "adults with parental responsibility";
    case "young_person":
    case "named_members":
      return audience.memberIds
        .map((id) => {
          const member = members.find((m) => m.id === id);
          return member ? nameOf(member) : "a former family member";
        })
        .join(", ");
  }
}

export function SeenBy({
  audience,
  members,
}: {
  audience: FamilyAudience;
  members: readonly Member[];
}) {
  return (
    <p className="govuk-body-s govuk-!-margin-bottom-1">
      <span className="govuk-!-font-weight-bold">Seen by:</span> {seenByWords(audience, members)}
    </p>
  );
}

/**
 * "Who in the family can see this?": the whole family (the default), adults
 * with parental responsibility, one young person, or named members. The team
 * always sees it; the API checks the names belong to this family.
 */
export function AudienceFields({
  id,
  value,
  onChange,
  members,
  error,
}: {
  id: string;
  value: FamilyAudience;
  onChange: (audience: FamilyAudience) => void;
  members: readonly Member[];
  error?: string | undefined;
}) {
  const children = members.filter((m) => m.kind === "child");
  const chooseKind = (kind: string) => {
    const memberIds = kind === "young_person" ? value.memberIds.slice(0, 1) : [];
    onChange({
      kind: kind as Kind,
      memberIds: kind === "named_members" ? value.memberIds : memberIds,
    });
  };
  const items = (Object.keys(kindWords) as Kind[])
    .filter((kind) => kind !== "young_person" || children.length > 0)
    .map((kind) => ({
      value: kind,
      label: kindWords[kind],
      conditional:
        kind === "young_person" ? (
          <Radios
            id={`${id}-young-person`}
            legend="Which young person?"
            legendSize="s"
            small
            items={children.map((m) => ({ value: m.id, label: nameOf(m) }))}
            value={value.memberIds[0] ?? ""}
            onChange={(memberId) => onChange({ kind, memberIds: [memberId] })}
          />
        ) : kind === "named_members" ? (
          <Checkboxes
            id={`${id}-members`}
            legend="Which family members?"
            legendSize="s"
            small
            items={members.map((m) => ({ value: m.id, label: nameOf(m) }))}
            values={[...value.memberIds]}
            onChange={(memberIds) => onChange({ kind, memberIds })}
          />
        ) : undefined,
    }));
  return (
    <Radios
      id={id}
      legend="Who in the family can see this?"
      legendSize="s"
      hint="The team can always see it. Choose fewer people for something private, such as one parent's benefits or a young person's own referral."
      items={items}
      value={value.kind}
      onChange={chooseKind}
      error={error}
    />
  );
}

/** What the form checks before sending: a young person or at least one member chosen. */
export function audienceProblem(audience: FamilyAudience): string | null {
  if (audience.kind === "young_person" && audience.memberIds.length !== 1) {
    return "Select the young person who can see this";
  }
  if (audience.kind === "named_members" && audience.memberIds.length === 0) {
    return "Select at least one family member who can see this";
  }
  return null;
}
