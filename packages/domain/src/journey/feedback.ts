import type { FeedbackQuestion } from "./journey-vocabulary";

/** The one scale every "How was it for you?" question is answered on, in words. */
export const feedbackScale = [
  { value: 1, label: "Strongly disagree" },
  { value: 2, label: "Disagree" },
  { value: 3, label: "Neither agree nor disagree" },
  { value: 4, label: "Agree" },
  { value: 5, label: "Strongly agree" },
] as const;

/** Each question as the family reads it: a statement to agree or disagree with. */
export const feedbackStatements: Record<FeedbackQuestion, string> = {
  respected: "I was treated with respect",
  listened_to: "People listened to me",
  helped: "I was helped with what mattered to me",
  would_recommend: "I would recommend this help to other families",
};

export interface FeedbackScores {
  respected: number;
  listenedTo: number;
  helped: number;
  wouldRecommend: number;
}

export interface FeedbackSummary {
  count: number;
  /** Each question's mean, to one decimal place; null when nobody has answered. */
  averages: { [K in keyof FeedbackScores]: number | null };
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return Math.round((sum / values.length) * 10) / 10;
}

/** Counts and averages of a set of answers: the anonymous figures anyone with `feedback.read` sees. */
export function summariseFeedback(answers: readonly FeedbackScores[]): FeedbackSummary {
  return {
    count: answers.length,
    averages: {
      respected: mean(answers.map((a) => a.respected)),
      listenedTo: mean(answers.map((a) => a.listenedTo)),
      helped: mean(answers.map((a) => a.helped)),
      wouldRecommend: mean(answers.map((a) => a.wouldRecommend)),
    },
  };
}
