import { documentKinds } from "@teamaround/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

describe("what the family said, on the family's summary", () => {
  it("shows the lead the figures and only the answers shared by name", async () => {
    const abilities = noAbilities();
    abilities.family.read = true;
    abilities.feedback.read = true;
    fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
      [`GET /api/families/${familyId}`]: [
        200,
        {
          data: family,
          abilities,
          documents: Object.fromEntries(documentKinds.map((k) => [k, "none"])),
        },
      ],
      [`GET /api/families/${familyId}/feedback`]: [
        200,
        {
          data: {
            invitations: 2,
            answers: 3,
            averages: { respected: 4.3, listenedTo: 4, helped: 3.7, wouldRecommend: 4.7 },
            shared: [
              {
                id: "7b3e9c6a-8a7d-4e3e-9f6b-1c8d9eafb0c7",
                memberName: "Taylor Ashdown",
                occasion: "closure",
                answeredAt: "2026-11-25T10:00:00.000Z",
                respected: 5,
                listenedTo: 4,
                helped: 4,
                wouldRecommend: 5,
                comment: "Jordan listened.",
              },
            ],
          },
          abilities,
        },
      ],
    });
    renderApp(`/families/${familyId}`);
    const section = await screen.findByRole("region", { name: "What the family said" });
    expect(within(section).getByText("4.3 out of 5")).toBeTruthy();
    const table = within(section).getByRole("table", { name: /Answers shared/ });
    expect(within(table).getByText(/Taylor Ashdown/)).toBeTruthy();
    expect(within(table).getByText("Jordan listened.")).toBeTruthy();
  });
});
