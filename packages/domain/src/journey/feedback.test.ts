import { describe, expect, it } from "vitest";
import { feedbackScale, feedbackStatements, summariseFeedback } from "./feedback";
import { feedbackQuestions } from "./journey-vocabulary";

describe("summariseFeedback", () => {
  it("has no averages when nobody has answered", () => {
    expect(summariseFeedback([])).toEqual({
      count: 0,
      averages: { respected: null, listenedTo: null, helped: null, wouldRecommend: null },
    });
  });

  it("averages each question to one decimal place", () => {
    const summary = summariseFeedback([
      { respected: 5, listenedTo: 4, helped: 3, wouldRecommend: 5 },
      { respected: 4, listenedTo: 4, helped: 2, wouldRecommend: 4 },
      { respected: 4, listenedTo: 5, helped: 2, wouldRecommend: 4 },
    ]);
    expect(summary).toEqual({
      count: 3,
      averages: { respected: 4.3, listenedTo: 4.3, helped: 2.3, wouldRecommend: 4.3 },
    });
  });
});

describe("the feedback wording", () => {
  it("words every question and every point of the 1–5 scale", () => {
    expect(Object.keys(feedbackStatements).sort()).toEqual([...feedbackQuestions].sort());
    expect(feedbackScale.map((s) => s.value)).toEqual([1, 2, 3, 4, 5]);
  });
});
