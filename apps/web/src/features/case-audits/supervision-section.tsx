import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { SummaryCard, SummaryList } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { PartBoundary } from "../../components/layout/part-boundary";
import { formatDay } from "../../lib/dates";
import { type SupervisionNote, supervisionQuery } from "./case-audit-queries";

/** Case supervision notes, newest first, with a link to record one for managers. */
export function SupervisionSection({
  familyId,
  canRecord,
}: {
  familyId: string;
  canRecord: boolean;
}) {
  const notes = useQuery(supervisionQuery(familyId));
  return (
    <section aria-labelledby="supervision">
      <h2 className="govuk-heading-m" id="supervision">
        Supervision notes
      </h2>
      {canRecord ? (
        <p className="govuk-body">
          <Link
            to="/families/$familyId/oversight/supervision"
            params={{ familyId }}
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          >
            Record supervision
          </Link>
        </p>
      ) : null}
      {notes.isPending ? <Loading what="Loading the supervision notes" /> : null}
      {notes.error ? <LoadFailed error={notes.error} /> : null}
      {notes.data?.data.length === 0 ? (
        <p className="govuk-body">No supervision of this case has been recorded.</p>
      ) : null}
      {notes.data?.data.map((note) => (
        <PartBoundary what="this supervision note" key={note.id}>
          <SupervisionCard note={note} />
        </PartBoundary>
      ))}
    </section>
  );
}

function SupervisionCard({ note }: { note: SupervisionNote }) {
  return (
    <SummaryCard title={`Supervision on ${formatDay(note.heldOn)}`}>
      <SummaryList
        rows={[
          { key: "Manager", value: note.manager.name },
          { key: "Lead professional", value: note.lead.name },
          {
            key: "Discussion",
            value: (
              <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-0">{note.discussion}</p>
            ),
          },
          {
            key: "Decisions",
            value: (
              <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-0">{note.decisions}</p>
            ),
          },
          { key: "Next supervision", value: note.nextOn ? formatDay(note.nextOn) : "Not set" },
        ]}
      />
    </SummaryCard>
  );
}
