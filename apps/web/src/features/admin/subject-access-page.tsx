import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, unwrap } from "../../api/client";
import { isApiError } from "../../api/errors";
import { meQuery } from "../../app/session";
import { Button } from "../../components/govuk/button";
import { Input } from "../../components/govuk/input";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";

const base = "/api/admin/subject-access/families";

function findFamily(reference: string) {
  return unwrap(api.GET(base, { params: { query: { reference } } }));
}

/** Find a family by its reference, then download everything held about one of its members. */
export function SubjectAccessPage() {
  usePageTitle("Subject access request");
  const me = useQuery(meQuery);
  const [reference, setReference] = useState("");
  const [searched, setSearched] = useState<string | null>(null);
  const family = useQuery({
    queryKey: ["admin", "subject-access", searched],
    queryFn: async () => (await findFamily(searched ?? "")).data,
    enabled: searched !== null,
    retry: false,
  });
  if (me.isPending) return <Loading />;
  if (me.error) return <LoadFailed error={me.error} />;
  if (!me.data.abilities.subject_access?.export) {
    return <p className="govuk-body">Only administrators may answer a subject access request.</p>;
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSearched(reference.trim());
  };
  const notFound = isApiError(family.error) && family.error.status === 404;
  return (
    <>
      <h1 className="govuk-heading-l">Subject access request</h1>
      <p className="govuk-body">
        A person may ask for a copy of everything the service holds about them. Find their family by
        its reference, then download their copy as a file for computers (JSON) and as a PDF to read.
        Each download is recorded in the audit log.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <Input
          id="reference"
          label="Family reference"
          hint="For example, EH-2026-0042"
          width="10"
          value={reference}
          onChange={setReference}
        />
        <Button type="submit">Find the family</Button>
      </form>
      {family.isFetching ? <Loading /> : null}
      {notFound ? (
        <p className="govuk-body">No family of this council has the reference {searched}.</p>
      ) : family.error && !notFound ? (
        <LoadFailed error={family.error} />
      ) : null}
      {family.data ? (
        <>
          <h2 className="govuk-heading-m">
            {family.data.displayName} ({family.data.reference})
          </h2>
          <ul className="govuk-list govuk-list--spaced">
            {family.data.members.map((member) => {
              const path = `${base}/${family.data.familyId}/members/${member.memberId}/export`;
              return (
                <li key={member.memberId}>
                  <span className="govuk-!-font-weight-bold">{member.name}</span>
                  {member.relationship ? ` (${member.relationship})` : ""}
                  <br />
                  <a className="govuk-link" href={`${path}.pdf`} download>
                    Download the PDF
                    <span className="govuk-visually-hidden"> for {member.name}</span>
                  </a>
                  {" · "}
                  <a className="govuk-link" href={`${path}.json`} download>
                    Download the JSON file
                    <span className="govuk-visually-hidden"> for {member.name}</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <h2 className="govuk-heading-m">Before you send a copy: the redaction marks</h2>
      <p className="govuk-body">
        Other people have a right to privacy too. Anything in the copy that names or concerns
        someone other than the person asking — another member of their family, or someone outside
        the family who is not a practitioner — is marked for you to review:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          in the PDF, it is shown as <strong>[[THIRD PARTY: …]]</strong>
        </li>
        <li>
          in the JSON file, the value is wrapped as{" "}
          <code>{'{"value": "…", "thirdParty": true, "who": "another family member"}'}</code>.
        </li>
      </ul>
      <p className="govuk-body">
        Remove each marked detail before release unless that person agrees, or it is reasonable to
        give it without their agreement. Practitioners' names in their work are not marked: they are
        normally disclosed.
      </p>
    </>
  );
}
