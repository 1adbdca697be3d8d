import { type DocumentKind, documentSections } from "@teamaround/domain";
import { Tag } from "../../components/govuk";
import { PartBoundary } from "../../components/layout/part-boundary";
import { type Audience, documentHints, documentTitles, sectionLabels } from "./document-labels";
import { SectionEditor } from "./section-editor";
import { useLiveDocument } from "./use-live-document";
import { type Person, personName, usePeople } from "./use-people";

export interface LiveDocumentPanelProps {
  familyId: string;
  kind: DocumentKind;
  /** From the API's answer for this family (`documents`); "none" shows nothing. */
  access: "read-write" | "read-only" | "none";
  audience: Audience;
  me: { name: string };
}

/** One live document (plan, voice or notes): who is here, then an editor per section. */
export function LiveDocumentPanel({
  familyId,
  kind,
  access,
  audience,
  me,
}: LiveDocumentPanelProps) {
  const { live, status, synced, refusal } = useLiveDocument(familyId, kind, access !== "none");
  const sections = documentSections[kind];
  const people = usePeople(live?.provider, sections);
  if (access === "none") return null;
  const headingId = `document-${kind}`;
  const hint = documentHints[kind][audience];
  return (
    <section className="app-live-document" aria-labelledby={headingId} data-document={kind}>
      <h2 className="govuk-heading-m govuk-!-margin-bottom-2" id={headingId}>
        {documentTitles[kind][audience]}
      </h2>
      {hint ? <p className="govuk-body-s">{hint}</p> : null}
      {refusal ? (
        <p className="govuk-body govuk-!-font-weight-bold">{refusal}</p>
      ) : (
        <>
          <p className="govuk-body-s app-live-document__presence" data-testid={`presence-${kind}`}>
            {access === "read-only" ? (
              <>
                <Tag colour="grey">Read only</Tag>{" "}
              </>
            ) : null}
            {status !== "connected" && !synced ? "Connecting… " : null}
            {people.length > 0 ? (
              <PeopleHere people={people} />
            ) : synced ? (
              "Nobody else has this open."
            ) : (
              ""
            )}
          </p>
          {live && synced
            ? sections.map((section) => (
                <PartBoundary key={section} what="this part of the document">
                  <SectionEditor
                    live={live}
                    section={section}
                    label={sectionLabels[section]?.[audience] ?? section}
                    editable={access === "read-write"}
                    me={me}
                    writers={people.filter((p) => p.section === section)}
                  />
                </PartBoundary>
              ))
            : null}
        </>
      )}
    </section>
  );
}

/** "Here now: A, B." — each person in a boundary of their own, so one bad entry hides only itself. */
export function PeopleHere({ people }: { people: Person[] }) {
  return (
    <>
      Here now:{" "}
      {people.map((person, i) => (
        <span key={person.clientId}>
          {i > 0 ? ", " : null}
          <PartBoundary what="One person" inline>
            <PersonName person={person} />
          </PartBoundary>
        </span>
      ))}
      .
    </>
  );
}

/** Rendered inside the person's boundary, so a value that throws is caught there. */
function PersonName({ person }: { person: Person }) {
  return <>{personName(person)}</>;
}
