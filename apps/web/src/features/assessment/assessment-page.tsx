import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { api, unwrap } from "../../api/client";
import { Button, ErrorSummary, Table, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { formatDay } from "../../lib/dates";
import { familyKey, useFamily, useFamilyId } from "../family/family-queries";
import { assessmentStatusTags } from "./assessment-labels";
import { assessmentsQuery } from "./assessment-queries";
import { AssessmentView } from "./assessment-view";

const oneRoute = getRouteApi("/_authed/families/$familyId/assessments/$assessmentId");

/** The family's current Early Help Assessment, a way to start one, and the earlier ones. */
export function AssessmentPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const list = useQuery(assessmentsQuery(familyId));
  const queryClient = useQueryClient();
  usePageTitle(`Early Help Assessment – ${family.data?.data.displayName ?? "Family"}`);
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/families/{familyId}/assessments", {
          params: { path: { familyId } },
          body: {},
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: familyKey(familyId) }),
    retry: false,
  });
  if (list.isPending) return <Loading what="Loading the assessment" />;
  if (list.error) return <LoadFailed error={list.error} />;
  const { current, assessments, canStart } = list.data.data;
  const earlier = assessments.filter((a) => a.id !== current?.id);
  return (
    <>
      <h1 className="govuk-heading-l">Early Help Assessment</h1>
      {start.error ? <ErrorSummary errors={[{ text: start.error.message }]} /> : null}
      {current ? null : <p className="govuk-body">No assessment has been started yet.</p>}
      {canStart ? (
        <Button disabled={start.isPending} onClick={() => start.mutate()}>
          {current ? "Start a re-assessment" : "Start the assessment"}
        </Button>
      ) : null}
      {current ? <AssessmentView familyId={familyId} assessmentId={current.id} /> : null}
      {earlier.length > 0 ? (
        <Table
          caption="Earlier assessments"
          rows={earlier}
          rowKey={(a) => a.id}
          firstCellIsHeader
          columns={[
            {
              header: "Started",
              cell: (a) => (
                <Link
                  to="/families/$familyId/assessments/$assessmentId"
                  params={{ familyId, assessmentId: a.id }}
                  className="govuk-link"
                >
                  {formatDay(a.startedAt)}
                </Link>
              ),
            },
            {
              header: "Kind",
              cell: (a) => (a.kind === "reassessment" ? "Re-assessment" : "Assessment"),
            },
            {
              header: "Status",
              cell: (a) => {
                const [label, colour] = assessmentStatusTags[a.status];
                return <Tag colour={colour}>{label}</Tag>;
              },
            },
          ]}
        />
      ) : null}
    </>
  );
}

/** One earlier assessment, read as it was completed. */
export function OneAssessmentPage() {
  const familyId = useFamilyId();
  const { assessmentId } = oneRoute.useParams();
  usePageTitle("Early Help Assessment");
  return (
    <>
      <Link to="/families/$familyId/assessment" params={{ familyId }} className="govuk-back-link">
        Back to the current assessment
      </Link>
      <h1 className="govuk-heading-l">Early Help Assessment</h1>
      <AssessmentView familyId={familyId} assessmentId={assessmentId} />
    </>
  );
}
