import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { feedbackScale, feedbackStatements } from "@teamaround/domain";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { Button, Panel, Radios, Textarea } from "../../components/govuk";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { openFeedbackQuery } from "./feedback-queries";

const route = getRouteApi("/_authed/our-family/$familyId/feedback/$invitationId");

const questions = [
  { key: "respected", statement: feedbackStatements.respected },
  { key: "listenedTo", statement: feedbackStatements.listened_to },
  { key: "helped", statement: feedbackStatements.helped },
  { key: "wouldRecommend", statement: feedbackStatements.would_recommend },
] as const;
type QuestionKey = (typeof questions)[number]["key"];

const scaleItems = feedbackScale.map((s) => ({ value: String(s.value), label: s.label }));

const fields = {
  respected: { id: "respected", label: questions[0].statement },
  listenedTo: { id: "listenedTo", label: questions[1].statement },
  helped: { id: "helped", label: questions[2].statement },
  wouldRecommend: { id: "wouldRecommend", label: questions[3].statement },
  comment: { id: "comment", label: "Anything else you want to tell us" },
  shareWithLead: { id: "shareWithLead", label: "Who may see your answers" },
};

/** "How was it for you?": four statements on a worded scale, a comment, and who may see it. */
export function FeedbackPage() {
  const { familyId, invitationId } = route.useParams();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<QuestionKey, string>>({
    respected: "",
    listenedTo: "",
    helped: "",
    wouldRecommend: "",
  });
  const [comment, setComment] = useState("");
  const [share, setShare] = useState("");
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ...questions.map((q): [string, boolean, string] => [
          q.key,
          !answers[q.key],
          `Choose how much you agree: ${q.statement}`,
        ]),
        ["shareWithLead", !share, "Choose who may see your answers"],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/feedback/{invitationId}", {
          params: { path: { familyId, invitationId } },
          body: {
            respected: Number(answers.respected),
            listenedTo: Number(answers.listenedTo),
            helped: Number(answers.helped),
            wouldRecommend: Number(answers.wouldRecommend),
            shareWithLead: share === "yes",
            ...(comment.trim() ? { comment } : {}),
          },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: openFeedbackQuery(familyId).queryKey }),
  });
  usePageTitle(form.result ? "Thank you" : "How was it for you?", form.errors !== null);
  if (form.result) {
    return (
      <>
        <Panel title="Thank you">Your answers have been sent.</Panel>
        <p className="govuk-body">
          What families tell us helps us make the help better for everyone.
        </p>
        <Link to="/our-family/$familyId" params={{ familyId }} className="govuk-link">
          Back to our plan
        </Link>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">How was it for you?</h1>
        <p className="govuk-body">
          Say how much you agree with each sentence. There are no right or wrong answers.
        </p>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          {questions.map((q) => (
            <Radios
              key={q.key}
              id={q.key}
              legend={q.statement}
              legendSize="m"
              items={scaleItems}
              value={answers[q.key]}
              onChange={(value) => setAnswers({ ...answers, [q.key]: value })}
              error={form.fieldError(q.key)}
            />
          ))}
          <Textarea
            id="comment"
            label="Anything else you want to tell us (optional)"
            labelClassName="govuk-label--m"
            rows={4}
            value={comment}
            onChange={setComment}
            error={form.fieldError("comment")}
          />
          <Radios
            id="shareWithLead"
            legend="Who may see your answers?"
            legendSize="m"
            hint="Your answers are always counted with other families' answers, without your name."
            items={[
              { value: "yes", label: "My lead professional may see my answers with my name" },
              { value: "no", label: "Only count my answers, without my name" },
            ]}
            value={share}
            onChange={setShare}
            error={form.fieldError("shareWithLead")}
          />
          <Button type="submit" disabled={form.pending}>
            Send my answers
          </Button>
        </form>
      </div>
    </div>
  );
}
