import { describe, expect, it } from "vitest";
import { parseNoticeContent } from "./notice-kinds";
import { renderNotice } from "./render-notice";

const context = { publicOrigin: "https://tac.example.gov.uk" };
const actionId = "0b9b6f0e-7d0a-4c1e-9a53-2f6a4d0c1e11";
const familyId = "5d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a";

describe("notices about a person's work", () => {
  it("says there is a new action and links to it, naming no family unless allowed", () => {
    const content = parseNoticeContent("action_assigned", {
      actionId,
      familyId,
      dueDate: "2026-03-10",
    });
    const rendered = renderNotice(content, context);
    expect(rendered.subject).toBe("You have a new action in Teamaround");
    expect(rendered.body).toContain(
      `https://tac.example.gov.uk/families/${familyId}/outcomes#action-${actionId}`,
    );
    expect(rendered.body).toContain("10 March 2026");
    expect(rendered.body).not.toContain(" for ");
    const named = renderNotice(
      parseNoticeContent("action_assigned", {
        actionId,
        familyId,
        dueDate: "2026-03-10",
        familyName: "The Ashdown family",
      }),
      context,
    );
    expect(named.subject).toBe("You have a new action in Teamaround");
    expect(named.body).toContain("for The Ashdown family");
  });

  it("refuses an action's words among the variables", () => {
    expect(() =>
      parseNoticeContent("action_due", {
        actionId,
        familyId,
        dueDate: "2026-03-10",
        text: "words",
      }),
    ).toThrow();
  });

  it("sums up the digest in counts and links to My work", () => {
    const rendered = renderNotice(
      parseNoticeContent("daily_digest", { day: "2026-03-10", overdueActions: 1, reviewsDue: 2 }),
      context,
    );
    expect(rendered.subject).toBe("Your Teamaround summary for today");
    expect(rendered.body).toContain("1 action is overdue");
    expect(rendered.body).toContain("2 reviews are due");
    expect(rendered.body).toContain("https://tac.example.gov.uk/my-work");
  });
});

describe("notices about a family member's own actions", () => {
  const family = { actionId, familyId, dueDate: "2026-03-10", audience: "family" as const };

  it("says in plain words there is something new to do, linking to their family's page", () => {
    const rendered = renderNotice(parseNoticeContent("action_assigned", family), context);
    expect(rendered.subject).toBe("You have something new to do in your family's plan");
    expect(rendered.body).toContain(
      `https://tac.example.gov.uk/our-family/${familyId}#action-${actionId}`,
    );
    expect(rendered.body).toContain("10 March 2026");
    expect(rendered.body).toContain("ask the worker who supports your family");
    expect(rendered.body).not.toContain("/families/");
    expect(rendered.personalisation.subject).toBe(rendered.subject);
  });

  it("tells of a change and of tomorrow's due date in the same plain words", () => {
    const changed = renderNotice(
      parseNoticeContent("action_changed", { ...family, changed: ["due_date"] }),
      context,
    );
    expect(changed.subject).toBe("Something you are doing in your family's plan has changed");
    expect(changed.body).toContain("It is now due on 10 March 2026");
    const due = renderNotice(parseNoticeContent("action_due", family), context);
    expect(due.subject).toBe("Something you are doing in your family's plan is due tomorrow");
    expect(due.body).toContain(`/our-family/${familyId}#action-${actionId}`);
  });

  it("never names the family to a family member, even where staff emails may", () => {
    const rendered = renderNotice(
      parseNoticeContent("action_assigned", { ...family, familyName: "The Ashdown family" }),
      context,
    );
    expect(rendered.body).not.toContain("Ashdown");
    expect(rendered.personalisation.family).toBe("");
  });
});
