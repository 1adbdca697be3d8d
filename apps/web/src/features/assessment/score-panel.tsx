import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, Radios, Select, Table, Textarea } from "../../components/govuk";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { formatDay } from "../../lib/dates";
import { optionsOf, outcomeAreaLabels } from "../../lib/labels";
import { scoreChoices } from "../../lib/score-choices";
import { familyKey } from "../family/family-queries";
import type { Assessment, NeedScore, ScoreArea } from "./assessment-queries";

const scoreOptions = (scale: Assessment["scale"]) => scoreChoices("Choose a score", scale);

function whoFor(score: NeedScore, children: Assessment["children"]): string {
  if (!score.memberId) return "Whole family";
  return children.find((c) => c.id === score.memberId)?.name ?? "A child";
}

/** The need areas scored so far: one row per area, child and whose view. */
export function ScoreTable({ assessment }: { assessment: Assessment }) {
  if (assessment.scores.length === 0) {
    return <p className="govuk-body">No need area has been scored yet.</p>;
  }
  return (
    <div className="app-table-scroll">
      <Table
        caption={`Need areas scored 0 (${assessment.scale.low}) to 10 (${assessment.scale.high})`}
        captionSize="s"
        rows={assessment.scores}
        rowKey={(s) => s.id}
        firstCellIsHeader
        columns={[
          { header: "Need area", cell: (s) => outcomeAreaLabels[s.area] },
          { header: "About", cell: (s) => whoFor(s, assessment.children) },
          {
            header: "Whose view",
            cell: (s) => (s.scoredBy === "family" ? "The family's" : "The team's"),
          },
          { header: "Score", cell: (s) => s.score, numeric: true },
          {
            header: "Strengths and needs",
            cell: (s) => [s.strengths, s.needs].filter(Boolean).join(" — "),
          },
          { header: "Scored", cell: (s) => `${formatDay(s.scoredOn)} by ${s.recordedBy.name}` },
        ]}
      />
    </div>
  );
}

const fields = {
  area: { id: "score-area", label: "Need area" },
  score: { id: "score-value", label: "Score" },
  "scores.0.area": { id: "score-area", label: "Need area" },
  "scores.0.score": { id: "score-value", label: "Score" },
  "scores.0.memberId": { id: "score-member", label: "About" },
};

/** Score one need area (for one child, or the whole family), in the team's view or the family's. */
export function ScoreForm({ familyId, assessment }: { familyId: string; assessment: Assessment }) {
  const queryClient = useQueryClient();
  const [area, setArea] = useState("");
  const [memberId, setMemberId] = useState("");
  const [scoredBy, setScoredBy] = useState("practitioners");
  const [score, setScore] = useState("");
  const [strengths, setStrengths] = useState("");
  const [needs, setNeeds] = useState("");
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["area", !area, "Select the need area"],
        ["score", score === "", "Select a score from 0 to 10"],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/assessments/{assessmentId}/scores", {
          params: { path: { familyId, assessmentId: assessment.id } },
          body: {
            scores: [
              {
                area: area as ScoreArea,
                ...(memberId ? { memberId } : {}),
                scoredBy: scoredBy === "family" ? "family" : "practitioners",
                score: Number(score),
                ...(strengths.trim() ? { strengths } : {}),
                ...(needs.trim() ? { needs } : {}),
              },
            ],
          },
        }),
      ),
    onSuccess: async () => {
      setArea("");
      setScore("");
      setStrengths("");
      setNeeds("");
      await queryClient.invalidateQueries({ queryKey: familyKey(familyId) });
    },
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <FormProblems form={form} />
      <h3 className="govuk-heading-s">Score a need area</h3>
      <Select
        id="score-area"
        label="Need area"
        options={optionsOf(outcomeAreaLabels, "Choose an area")}
        value={area}
        onChange={setArea}
        error={form.fieldError("area") ?? form.fieldError("scores.0.area")}
      />
      <Select
        id="score-member"
        label="About"
        hint="Choose a child when the area is about one child."
        options={[
          { value: "", label: "The whole family" },
          ...assessment.children.map((c) => ({ value: c.id, label: c.name })),
        ]}
        value={memberId}
        onChange={setMemberId}
        error={form.fieldError("scores.0.memberId")}
      />
      <Radios
        id="score-by"
        legend="Whose view is this?"
        legendSize="s"
        small
        inline
        items={[
          { value: "practitioners", label: "The team's" },
          { value: "family", label: "The family's own" },
        ]}
        value={scoredBy}
        onChange={setScoredBy}
      />
      <Select
        id="score-value"
        label="Score"
        hint={`0 means ${assessment.scale.low.toLowerCase()}, 10 means ${assessment.scale.high.toLowerCase()}.`}
        options={scoreOptions(assessment.scale)}
        value={score}
        onChange={setScore}
        error={form.fieldError("score") ?? form.fieldError("scores.0.score")}
      />
      <Textarea
        id="score-strengths"
        label="Strengths"
        rows={2}
        value={strengths}
        onChange={setStrengths}
      />
      <Textarea id="score-needs" label="Needs" rows={2} value={needs} onChange={setNeeds} />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        Save score
      </Button>
    </form>
  );
}
