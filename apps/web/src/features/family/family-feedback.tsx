import { useQuery } from "@tanstack/react-query";
import { feedbackStatements } from "@teamaround/domain";
import { api, unwrap } from "../../api/client";
import type { FamilyFeedback as Feedback } from "../../api/types";
import { SummaryList, Table } from "../../components/govuk";
import { LoadFailed } from "../../components/layout/page-states";
import { PartBoundary } from "../../components/layout/part-boundary";
import { formatDay } from "../../lib/dates";

const familyFeedbackQuery = (familyId: string) => ({
  queryKey: ["families", familyId, "feedback"],
  queryFn: async () =>
    unwrap(api.GET("/api/families/{familyId}/feedback", { params: { path: { familyId } } })),
});

const questions = [
  ["respected", feedbackStatements.respected],
  ["listenedTo", feedbackStatements.listened_to],
  ["helped", feedbackStatements.helped],
  ["wouldRecommend", feedbackStatements.would_recommend],
] as const;

const average = (value: number | null) => (value === null ? "No answers yet" : `${value} out of 5`);

/** "What the family said": figures over every answer, and the answers shared by name (lead, managers). */
export function FamilyFeedback({ familyId }: { familyId: string }) {
  const feedback = useQuery(familyFeedbackQuery(familyId));
  if (feedback.error) return <LoadFailed error={feedback.error} />;
  if (!feedback.data) return null;
  const data = feedback.data.data;
  return (
    <section aria-labelledby="family-feedback">
      <h2 className="govuk-heading-m" id="family-feedback">
        What the family said
      </h2>
      <p className="govuk-body">
        Asked {data.invitations} {data.invitations === 1 ? "time" : "times"}, answered{" "}
        {data.answers} {data.answers === 1 ? "time" : "times"}. Figures count every answer without
        names; answers appear by name only when the family member chose to share them.
      </p>
      {data.answers > 0 ? (
        <SummaryList
          rows={questions.map(([key, statement]) => ({
            key: statement,
            value: average(data.averages[key]),
          }))}
        />
      ) : null}
      {data.shared.length > 0 ? (
        <PartBoundary what="the shared answers">
          <SharedAnswers shared={data.shared} />
        </PartBoundary>
      ) : null}
    </section>
  );
}

function SharedAnswers({ shared }: { shared: Feedback["shared"] }) {
  return (
    <div className="app-table-scroll">
      <Table
        caption="Answers shared with the lead professional (1 strongly disagree, 5 strongly agree)"
        rows={shared}
        rowKey={(a) => a.id}
        firstCellIsHeader
        columns={[
          { header: "Who", cell: (a) => `${a.memberName}, ${formatDay(a.answeredAt)}` },
          ...questions.map(([key, statement]) => ({
            header: statement,
            numeric: true,
            cell: (a: Feedback["shared"][number]) => String(a[key]),
          })),
          { header: "Comment", cell: (a) => a.comment ?? "" },
        ]}
      />
    </div>
  );
}
