import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, unwrap } from "../../api/client";
import { ApiError, isRecord } from "../../api/errors";
import type { DirectoryEntry, FamilyAbilities } from "../../api/types";
import { Button, ErrorSummary, Input, Table } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { teamQuery, useFamily, useFamilyId, useRefreshFamily } from "../family/family-queries";

/** The API refuses (409) when no consent or lawful basis covers the practitioner's agency. */
export function uncoveredAgency(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== "conflict" || !isRecord(error.details))
    return null;
  const name = error.details.agencyName;
  return typeof name === "string" ? name : null;
}

function NotCovered({
  agency,
  person,
  familyId,
  abilities,
}: {
  agency: string;
  person: string;
  familyId: string;
  abilities: FamilyAbilities | undefined;
}) {
  return (
    <ErrorSummary title={`${person} cannot join the team yet`} errors={[]}>
      <p className="govuk-body">
        The family has not given consent to share information with {agency}, and no lawful basis for
        sharing with {agency} has been recorded.
      </p>
      <p className="govuk-body">
        Ask the family whether they agree to {agency} joining. If they do, record their consent
        first, then add {person}.
      </p>
      <ul className="govuk-list">
        {abilities?.consent.record ? (
          <li>
            <Link
              to="/families/$familyId/consents/new"
              params={{ familyId }}
              className="govuk-link"
            >
              Record the family's consent
            </Link>
          </li>
        ) : null}
        {abilities?.lawful_basis.record ? (
          <li>
            <Link
              to="/families/$familyId/lawful-bases/new"
              params={{ familyId }}
              className="govuk-link"
            >
              Record a lawful basis for sharing without consent
            </Link>
          </li>
        ) : null}
      </ul>
    </ErrorSummary>
  );
}

export function AddPractitionerPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const team = useQuery(teamQuery(familyId));
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const [search, setSearch] = useState<string | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<DirectoryEntry | null>(null);
  const results = useQuery({
    queryKey: ["directory", search],
    queryFn: async () =>
      (
        await unwrap(
          api.GET("/api/directory/practitioners", { params: { query: { q: search ?? "" } } }),
        )
      ).data,
    enabled: search !== null,
  });
  const add = useMutation({
    mutationFn: (person: DirectoryEntry) =>
      unwrap(
        api.POST("/api/families/{familyId}/team", {
          params: { path: { familyId } },
          body: { userId: person.id },
        }),
      ),
    onSuccess: async (_, person) => {
      await refresh();
      setFlash(`/families/${familyId}/team`, `${person.displayName} has joined the team`);
      await navigate({ to: "/families/$familyId/team", params: { familyId } });
    },
  });
  usePageTitle(
    `Add a practitioner – ${family.data?.data.displayName ?? "Family"}`,
    searchError !== null || add.error !== null,
  );
  const inTeam = new Set(team.data?.data.filter((m) => !m.removedAt).map((m) => m.userId));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    add.reset();
    if (q.trim().length < 2) {
      setSearchError("Enter at least 2 letters of their name or email address");
      return;
    }
    setSearchError(null);
    setSearch(q.trim());
  };
  const agency = uncoveredAgency(add.error);
  return (
    <>
      {searchError ? <ErrorSummary errors={[{ href: "#q", text: searchError }]} /> : null}
      {agency && chosen ? (
        <NotCovered
          agency={agency}
          person={chosen.displayName}
          familyId={familyId}
          abilities={family.data?.abilities}
        />
      ) : null}
      {add.error && !agency ? <ErrorSummary errors={[{ text: add.error.message }]} /> : null}
      <h1 className="govuk-heading-l">Add a practitioner to the team</h1>
      <form noValidate onSubmit={onSearch} className="app-inline-form">
        <Input
          id="q"
          label="Name or email address"
          value={q}
          onChange={setQ}
          width="20"
          error={searchError ?? undefined}
          spellCheck={false}
        />
        <div className="govuk-form-group">
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </div>
      </form>
      {results.isFetching ? <Loading what="Searching" /> : null}
      {results.error ? <LoadFailed error={results.error} /> : null}
      {results.data && results.data.length === 0 ? (
        <p className="govuk-body">No practitioners match ‘{search}’.</p>
      ) : null}
      {results.data && results.data.length > 0 ? (
        <div className="app-table-scroll">
          <Table<DirectoryEntry>
            caption={`Practitioners matching ‘${search}’`}
            captionSize="s"
            rows={results.data}
            rowKey={(p) => p.id}
            firstCellIsHeader
            columns={[
              {
                header: "Name",
                cell: (p) => (
                  <>
                    {p.displayName}
                    {p.jobTitle ? (
                      <div className="govuk-hint govuk-!-margin-bottom-0">{p.jobTitle}</div>
                    ) : null}
                  </>
                ),
              },
              { header: "Agency", cell: (p) => p.agency.name },
              {
                header: <span className="govuk-visually-hidden">Action</span>,
                cell: (p) =>
                  inTeam.has(p.id) ? (
                    "Already in the team"
                  ) : (
                    <Button
                      variant="secondary"
                      inline
                      disabled={add.isPending}
                      onClick={() => {
                        setChosen(p);
                        add.mutate(p);
                      }}
                    >
                      Add<span className="govuk-visually-hidden"> {p.displayName}</span> to the team
                    </Button>
                  ),
              },
            ]}
          />
        </div>
      ) : null}
      <p className="govuk-body">
        <Link to="/families/$familyId/team" params={{ familyId }} className="govuk-link">
          Back to the team
        </Link>
      </p>
    </>
  );
}
