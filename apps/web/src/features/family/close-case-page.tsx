import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import type { ClosureReason, Family } from "../../api/types";
import { authorityQuery } from "../../app/session";
import { Button, Radios, Select, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { closureReasonLabels } from "../../lib/labels";
import { scoreChoices } from "../../lib/score-choices";
import { seriesTitle } from "../distance/distance-chart";
import { distanceQuery } from "../distance/distance-queries";
import { type ClosureProposal, closureSignOffQuery } from "../sign-off/sign-off-queries";
import { familyQuery, outcomesQuery, useFamilyId, useRefreshFamily } from "./family-queries";

type CloseBody = components["schemas"]["CloseFamily"];
type ScoreArea = CloseBody["scores"][number]["area"];
type OutcomeResult = CloseBody["outcomeResults"][number]["result"];

const closeReasons = (Object.keys(closureReasonLabels) as (ClosureReason | "stepped_up")[])
  .filter((r): r is ClosureReason => r !== "stepped_up")
  .map((r) => ({ value: r, label: closureReasonLabels[r] }));

const resultItems: { value: OutcomeResult; label: string }[] = [
  { value: "met", label: "Met" },
  { value: "partly_met", label: "Partly met" },
  { value: "not_met", label: "Not met" },
];

interface ScoreLine {
  key: string;
  area: ScoreArea;
  memberId: string | null;
  title: string;
  previous: number | null;
}

/** Close the current episode: why, what changed, the closing scores and whether each outcome was met. */
export function CloseCasePage() {
  const familyId = useFamilyId();
  const family = useQuery(familyQuery(familyId));
  const outcomes = useQuery(outcomesQuery(familyId));
  const distance = useQuery(distanceQuery(familyId));
  const closure = useQuery(closureSignOffQuery(familyId));
  usePageTitle(`Close the case – ${family.data?.data.displayName ?? "Family"}`);
  if (family.error) return <LoadFailed error={family.error} />;
  if (outcomes.error) return <LoadFailed error={outcomes.error} />;
  if (distance.error) return <LoadFailed error={distance.error} />;
  if (closure.error) return <LoadFailed error={closure.error} />;
  if (!family.data || !outcomes.data || !distance.data || !closure.data) return <Loading />;
  const { can, current } = closure.data.data;
  const lines: ScoreLine[] = distance.data.data.series.map((s) => ({
    key: `${s.area}-${s.memberId ?? "family"}`,
    area: s.area,
    memberId: s.memberId ?? null,
    title: seriesTitle(s),
    previous: [...s.points].reverse().find((p) => p.practitioners !== null)?.practitioners ?? null,
  }));
  const active = outcomes.data.data
    .filter((o) => o.status === "active")
    .map((o) => ({ id: o.id, title: o.title }));
  return (
    <CloseForm
      key={`${family.data.data.version}-${current?.id ?? "new"}`}
      family={family.data.data}
      lines={lines}
      outcomes={active}
      propose={can.propose}
      returned={current?.status === "returned" ? current : null}
    />
  );
}

/** The returned proposal's answers, to amend rather than type again. */
function answersOf(returned: ClosureProposal | null) {
  return {
    reason: returned?.reason ?? "",
    summary: returned?.summary ?? "",
    scores: Object.fromEntries(
      (returned?.scores ?? [])
        .filter((s) => s.scoredBy === "practitioners")
        .map((s) => [`${s.area}-${s.memberId ?? "family"}`, String(s.score)]),
    ),
    results: Object.fromEntries(
      (returned?.outcomeResults ?? []).map((r) => [r.outcomeId, r.result as string]),
    ),
  };
}

function CloseForm(props: {
  family: Family;
  lines: ScoreLine[];
  outcomes: { id: string; title: string }[];
  /** The authority asks for a manager's sign-off: the lead proposes the closure. */
  propose: boolean;
  /** The proposal a manager returned, to amend. */
  returned: ClosureProposal | null;
}) {
  const { family, lines, outcomes, propose, returned } = props;
  const start = answersOf(returned);
  const familyId = family.id;
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const authority = useQuery(authorityQuery);
  const low = authority.data?.scoreLowLabel ?? "very worried";
  const high = authority.data?.scoreHighLabel ?? "all well";
  const [reason, setReason] = useState<string>(start.reason);
  const [summary, setSummary] = useState(start.summary);
  const [scores, setScores] = useState<Record<string, string>>(start.scores);
  const [results, setResults] = useState<Record<string, string>>(start.results);
  const fields = {
    reason: { id: "reason", label: "Reason" },
    summary: { id: "summary", label: "Closing summary" },
    scores: { id: lines[0] ? `score-${lines[0].key}` : "scores", label: "Closing scores" },
    outcomeResults: {
      id: outcomes[0] ? `result-${outcomes[0].id}` : "outcomeResults",
      label: "Outcomes",
    },
  };
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["reason", !reason, "Select why the case is closing"],
        ["summary", !summary.trim(), "Enter a closing summary"],
        [
          "outcomeResults",
          outcomes.some((o) => !results[o.id]),
          "Say whether each outcome was met",
        ],
      ]),
    submit: async () => {
      const answers = {
        reason: reason as ClosureReason,
        summary,
        scores: lines
          .filter((l) => (scores[l.key] ?? "") !== "")
          .map((l) => ({
            area: l.area,
            ...(l.memberId ? { memberId: l.memberId } : {}),
            scoredBy: "practitioners" as const,
            score: Number(scores[l.key]),
          })),
        outcomeResults: outcomes.map((o) => ({
          outcomeId: o.id,
          result: results[o.id] as OutcomeResult,
        })),
      };
      const params = { path: { familyId } };
      if (propose) {
        await unwrap(
          api.POST("/api/families/{familyId}/closure-proposals", { params, body: answers }),
        );
        return;
      }
      await unwrap(
        api.POST("/api/families/{familyId}/close", {
          params,
          body: { version: family.version, ...answers },
        }),
      );
    },
    onSuccess: async () => {
      await refresh();
      if (propose) {
        setFlash(`/families/${familyId}`, "Closure proposed for sign-off", [
          "A manager will approve the closure or return it with comments. The case stays open until then.",
        ]);
      } else {
        setFlash(`/families/${familyId}`, "Case closed", [
          "The family has been offered “How was it for you?”. You will be asked at 3 and 6 months whether the change lasted.",
        ]);
      }
      await navigate({ to: "/families/$familyId", params: { familyId } });
    },
  });
  const heading = propose ? "Propose closing the case" : "Close the case";
  usePageTitle(`${heading} – ${family.displayName}`, form.errors !== null);
  const choices = scoreChoices("Not scored", { low, high });
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)}>
      <FormProblems form={form} onReload={refresh} />
      <h1 className="govuk-heading-l">{heading}</h1>
      <p className="govuk-body">
        Closing ends this Early Help episode. The record is kept, and a new episode can open if the
        family needs help again.
      </p>
      {propose ? (
        <p className="govuk-body">
          Your authority asks for a manager's sign-off: the case stays open until a manager approves
          the closure, which then takes effect as you record it here, or returns it with comments.
        </p>
      ) : null}
      {returned ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">
            What {returned.decidedBy?.name ?? "the manager"} asked to change
          </h2>
          <p className="govuk-body">{returned.returnComments}</p>
        </div>
      ) : null}
      <Radios
        id="reason"
        legend="Why is the case closing?"
        legendSize="m"
        items={closeReasons}
        value={reason}
        onChange={setReason}
        error={form.fieldError("reason")}
      />
      <Textarea
        id="summary"
        label="Closing summary"
        labelClassName="govuk-label--m"
        hint="What has changed for the family, and what happens next."
        value={summary}
        onChange={setSummary}
        error={form.fieldError("summary")}
      />
      <h2 className="govuk-heading-m">Closing scores</h2>
      <p className="govuk-body">
        Score each need area from 0 ({low}) to 10 ({high}), as things stand now.
      </p>
      {form.fieldError("scores") ? (
        <p className="govuk-error-message">{form.fieldError("scores")}</p>
      ) : null}
      {lines.length === 0 ? (
        <p className="govuk-body">No need area has been scored in this episode.</p>
      ) : (
        lines.map((line) => (
          <Select
            key={line.key}
            id={`score-${line.key}`}
            label={line.title}
            hint={line.previous === null ? undefined : `Last score: ${line.previous}`}
            options={choices}
            value={scores[line.key] ?? ""}
            onChange={(value) => setScores((all) => ({ ...all, [line.key]: value }))}
          />
        ))
      )}
      <h2 className="govuk-heading-m">Outcomes of the plan</h2>
      {outcomes.length === 0 ? (
        <p className="govuk-body">The plan has no active outcomes.</p>
      ) : (
        outcomes.map((o, index) => (
          <Radios
            key={o.id}
            id={`result-${o.id}`}
            legend={o.title}
            legendSize="s"
            inline
            items={resultItems}
            value={results[o.id] ?? ""}
            onChange={(value) => setResults((all) => ({ ...all, [o.id]: value }))}
            error={index === 0 ? form.fieldError("outcomeResults") : undefined}
          />
        ))
      )}
      <div className="govuk-button-group">
        <Button type="submit" variant="warning" disabled={form.pending}>
          {propose ? "Propose the closure for sign-off" : "Close the case"}
        </Button>
        <Link to="/families/$familyId" params={{ familyId }} className="govuk-link">
          Cancel
        </Link>
      </div>
    </form>
  );
}
