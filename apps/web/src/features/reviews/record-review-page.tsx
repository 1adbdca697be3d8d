import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { authorityQuery } from "../../app/session";
import { Button, DateInput, Input, Radios, Select, Table, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, emptyDate, isDateEmpty } from "../../lib/dates";
import { optionsOf, outcomeAreaLabels } from "../../lib/labels";
import { scoreChoices } from "../../lib/score-choices";
import type { ScoreArea } from "../assessment/assessment-queries";
import { seriesTitle } from "../distance/distance-chart";
import { distanceQuery } from "../distance/distance-queries";
import { membersQuery, useFamilyId, useRefreshFamily } from "../family/family-queries";
import {
  decisionLabels,
  type ReviewDecision,
  type ReviewVerdict,
  verdictLabels,
} from "./review-labels";

const reviewRoute = getRouteApi("/_authed/families/$familyId/meetings/$meetingId/review");

const fields = {
  scores: { id: "score-0", label: "Scores" },
  verdict: { id: "verdict", label: "Verdict" },
  decision: { id: "decision", label: "Decision" },
  nextReviewOn: { id: "nextReviewOn-day", label: "Next review" },
  summary: { id: "summary", label: "Summary" },
};

interface Line {
  key: string;
  area: ScoreArea | "";
  memberId: string;
  title: string;
  previous: number | null;
  score: string;
  note: string;
}

const reviewScoreChoices = scoreChoices("Not scored this time");

/** Record what a review meeting concluded: new scores per need area, verdict, decision, next date. */
export function RecordReviewPage() {
  const familyId = useFamilyId();
  const { meetingId } = reviewRoute.useParams();
  const distance = useQuery(distanceQuery(familyId));
  const members = useQuery(membersQuery(familyId));
  usePageTitle("Record the review");
  if (distance.isPending || members.isPending) return <Loading />;
  if (distance.error) return <LoadFailed error={distance.error} />;
  if (members.error) return <LoadFailed error={members.error} />;
  const lines: Line[] = distance.data.data.series.map((s) => ({
    key: `${s.area}-${s.memberId ?? ""}`,
    area: s.area,
    memberId: s.memberId ?? "",
    title: seriesTitle(s),
    previous: [...s.points].reverse().find((p) => p.practitioners !== null)?.practitioners ?? null,
    score: "",
    note: "",
  }));
  lines.push({
    key: "another",
    area: "",
    memberId: "",
    title: "",
    previous: null,
    score: "",
    note: "",
  });
  const childOptions = members.data.data
    .filter((m) => m.kind === "child")
    .map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }));
  return (
    <ReviewForm
      familyId={familyId}
      meetingId={meetingId}
      initial={lines}
      childOptions={childOptions}
    />
  );
}

function ReviewForm(props: {
  familyId: string;
  meetingId: string;
  initial: Line[];
  childOptions: { value: string; label: string }[];
}) {
  const { familyId, meetingId } = props;
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [lines, setLines] = useState(props.initial);
  // The ends of the scale in the authority's own words.
  const authority = useQuery(authorityQuery);
  const scale = {
    low: authority.data?.scoreLowLabel ?? "Very worried",
    high: authority.data?.scoreHighLabel ?? "All well",
  };
  const [verdict, setVerdict] = useState("");
  const [decision, setDecision] = useState("");
  const [next, setNext] = useState(emptyDate);
  const [summary, setSummary] = useState("");
  const change = (index: number, patch: Partial<Line>) =>
    setLines((all) => all.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const scored = lines.filter((l) => l.area !== "" && l.score !== "");
  const nextReviewOn = datePartsToIso(next);
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        [
          "scores",
          scored.length === 0,
          "Score at least one need area: a verdict rests on the scores",
        ],
        ["verdict", !verdict, "Select the verdict"],
        ["decision", !decision, "Select the decision"],
        [
          "nextReviewOn",
          !isDateEmpty(next) && nextReviewOn === null,
          "Enter the next review as a real date",
        ],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/meetings/{meetingId}/review", {
          params: { path: { familyId, meetingId } },
          body: {
            scores: scored.map((l) => ({
              area: l.area as ScoreArea,
              ...(l.memberId ? { memberId: l.memberId } : {}),
              score: Number(l.score),
              ...(l.note.trim() ? { note: l.note } : {}),
            })),
            verdict: verdict as ReviewVerdict,
            decision: decision as ReviewDecision,
            ...(decision === "continue" && nextReviewOn ? { nextReviewOn } : {}),
            ...(summary.trim() ? { summary } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setFlash(`/families/${familyId}/meetings`, "Review recorded", [
        "The family has been offered “How was it for you?”.",
      ]);
      await navigate({ to: "/families/$familyId/meetings", params: { familyId } });
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Record the review</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Table
            caption={`New scores, 0 (${scale.low}) to 10 (${scale.high})`}
            captionSize="m"
            rows={lines.map((line, index) => ({ line, index }))}
            rowKey={({ line }) => line.key}
            columns={[
              {
                header: "Need area",
                cell: ({ line, index }) => (
                  <AreaCell
                    line={line}
                    index={index}
                    childOptions={props.childOptions}
                    change={change}
                  />
                ),
              },
              { header: "Last score", cell: ({ line }) => line.previous ?? "–", numeric: true },
              {
                header: "New score",
                cell: ({ line, index }) => (
                  <Select
                    id={`score-${index}`}
                    label={`New score${line.title ? ` for ${line.title}` : ""}`}
                    labelClassName="govuk-visually-hidden"
                    options={reviewScoreChoices}
                    value={line.score}
                    onChange={(score) => change(index, { score })}
                    error={index === 0 ? form.fieldError("scores") : undefined}
                  />
                ),
              },
              {
                header: "Note",
                cell: ({ line, index }) => (
                  <Input
                    id={`note-${index}`}
                    label={`Note${line.title ? ` for ${line.title}` : ""}`}
                    labelClassName="govuk-visually-hidden"
                    value={line.note}
                    onChange={(note) => change(index, { note })}
                  />
                ),
              },
            ]}
          />
          <Radios
            id="verdict"
            legend="What has changed for the family?"
            legendSize="m"
            items={Object.entries(verdictLabels).map(([value, label]) => ({ value, label }))}
            value={verdict}
            onChange={setVerdict}
            error={form.fieldError("verdict")}
          />
          <Radios
            id="decision"
            legend="What did the meeting decide?"
            legendSize="m"
            items={Object.entries(decisionLabels).map(([value, label]) => ({ value, label }))}
            value={decision}
            onChange={setDecision}
            error={form.fieldError("decision")}
          />
          {decision === "continue" ? (
            <DateInput
              id="nextReviewOn"
              legend="When is the next review?"
              legendSize="s"
              hint="Leave it blank to use your authority's usual interval between reviews."
              value={next}
              onChange={setNext}
              error={form.fieldError("nextReviewOn")}
            />
          ) : null}
          <Textarea
            id="summary"
            label="Summary"
            labelClassName="govuk-label--s"
            rows={4}
            value={summary}
            onChange={setSummary}
            error={form.fieldError("summary")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Record the review
            </Button>
            <Link to="/families/$familyId/meetings" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

function AreaCell(props: {
  line: Line;
  index: number;
  childOptions: { value: string; label: string }[];
  change: (index: number, patch: Partial<Line>) => void;
}) {
  const { line, index, change } = props;
  if (line.title) return <>{line.title}</>;
  return (
    <>
      <Select
        id={`area-${index}`}
        label="Another need area"
        labelClassName="govuk-label--s"
        options={optionsOf(outcomeAreaLabels, "Choose an area")}
        value={line.area}
        onChange={(area) => change(index, { area: area as ScoreArea })}
      />
      <Select
        id={`about-${index}`}
        label="About"
        options={[{ value: "", label: "The whole family" }, ...props.childOptions]}
        value={line.memberId}
        onChange={(memberId) => change(index, { memberId })}
      />
    </>
  );
}
