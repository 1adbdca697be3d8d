import { documentKinds } from "@teamaround/domain";
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const invitationId = "6a2d8b5f-7f6c-4d2d-8e5a-0b7c8d9eafb6";
const answerPath = `/api/families/${familyId}/feedback/${invitationId}`;

function serve() {
  const abilities = noAbilities();
  abilities.family.read = true;
  abilities.feedback.answer = true;
  let open = [{ id: invitationId, occasion: "closure", offeredAt: "2026-11-20T10:00:00.000Z" }];
  return fakeApi({
    "GET /api/me": [200, meResponse({ role: "family_member", agency: null })],
    "GET /api/authority": [200, { data: authority }],
    [`GET /api/families/${familyId}`]: [
      200,
      {
        data: family,
        abilities,
        documents: Object.fromEntries(documentKinds.map((k) => [k, "none"])),
      },
    ],
    [`GET /api/families/${familyId}/feedback/open`]: () => [200, { data: open, abilities }],
    "GET /api/my/actions": [200, { data: [] }],
    [`POST ${answerPath}`]: () => {
      open = [];
      return [
        201,
        {
          data: { id: invitationId, invitationId, answeredAt: "2026-11-29T10:00:00.000Z" },
          abilities,
        },
      ];
    },
  });
}

describe("How was it for you?", () => {
  it("is offered on the family's plan as a clear invitation", async () => {
    serve();
    renderApp(`/our-family/${familyId}`);
    const card = await screen.findByRole("region", { name: "How was it for you?" });
    expect(within(card).getByRole("link", { name: /^Tell us how it was/ })).toBeTruthy();
  });

  it("asks each question with words, checks every answer is given, then thanks the family", async () => {
    const api = serve();
    renderApp(`/our-family/${familyId}/feedback/${invitationId}`);
    const respected = await screen.findByRole("group", { name: "I was treated with respect" });
    expect(within(respected).getByLabelText("Strongly agree")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Send my answers" }));
    expect(await screen.findByRole("heading", { name: "There is a problem" })).toBeTruthy();
    expect(api.callsTo("POST", answerPath)).toHaveLength(0);

    for (const [statement, answer] of [
      ["I was treated with respect", "Strongly agree"],
      ["People listened to me", "Agree"],
      ["I was helped with what mattered to me", "Agree"],
      ["I would recommend this help to other families", "Strongly agree"],
    ] as const) {
      const group = screen.getByRole("group", { name: statement });
      fireEvent.click(within(group).getByLabelText(answer));
    }
    fireEvent.click(screen.getByLabelText("Only count my answers, without my name"));
    fireEvent.click(screen.getByRole("button", { name: "Send my answers" }));
    expect(await screen.findByRole("heading", { name: "Thank you" })).toBeTruthy();
    expect(api.callsTo("POST", answerPath)[0]?.body).toEqual({
      respected: 5,
      listenedTo: 4,
      helped: 4,
      wouldRecommend: 5,
      shareWithLead: false,
    });
  });
});
