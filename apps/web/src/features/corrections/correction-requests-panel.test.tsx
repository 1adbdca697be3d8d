import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { familyId, noAbilities } from "../../testing/fixtures";
import { CorrectionRequestsPanel } from "./correction-requests-panel";

const requestId = "3a3a3a3a-0000-4000-8000-000000000001";
const listUrl = `/api/families/${familyId}/correction-requests`;

function request(overrides: Record<string, unknown> = {}) {
  return {
    id: requestId,
    recordKind: "meeting_record",
    recordId: "6f6f6f6f-0000-4000-8000-000000000001",
    recordWords: "meeting record",
    whatIsWrong: "It says the grant was refused.",
    shouldSay: "The grant was agreed.",
    status: "pending",
    requestedBy: { id: "9d1d97fe-9e71-473b-835a-b6f5e0445342", name: "Sam Reed" },
    requestedAt: "2026-11-20T10:00:00.000Z",
    decidedBy: null,
    decidedAt: null,
    declineReason: null,
    correctionId: null,
    ...overrides,
  };
}

function show(deciding: boolean, data: unknown[]) {
  const abilities = noAbilities();
  abilities.correction_request = { create: !deciding, read: true, decide: deciding };
  const pending = data.filter((r) => (r as { status: string }).status === "pending").length;
  const fake = fakeApi({
    [`GET ${listUrl}`]: [200, { data, pending, abilities }],
    [`POST ${listUrl}/${requestId}/accept`]: [
      200,
      { data: request({ status: "accepted" }), abilities },
    ],
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <CorrectionRequestsPanel familyId={familyId} />
    </QueryClientProvider>,
  );
  return fake;
}

describe("requests for corrections", () => {
  it("shows the lead how many wait, and accepts one with the correction in the lead's words", async () => {
    const fake = show(true, [request()]);
    const heading = await screen.findByRole("heading", { name: /Requests for corrections/ });
    expect(within(heading).getByText("1 waiting")).toBeTruthy();
    expect(screen.getByText("It says the grant was refused.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Which part is wrong"), {
      target: { value: "Decisions" },
    });
    fireEvent.change(screen.getByLabelText("Why it was wrong"), {
      target: { value: "Misheard in the meeting." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add the correction" }));
    const accepts = () => fake.callsTo("POST", `${listUrl}/${requestId}/accept`);
    await waitFor(() => expect(accepts()).toHaveLength(1));
    expect(accepts()[0]?.body).toEqual({
      section: "Decisions",
      correctedText: "The grant was agreed.",
      reason: "Misheard in the meeting.",
    });
  });

  it("shows a family member what was decided, with the reason, and no way to decide", async () => {
    show(false, [
      request({
        status: "declined",
        decidedBy: { id: "1d1d97fe-9e71-473b-835a-b6f5e0445342", name: "Priya Shah" },
        decidedAt: "2026-11-21T10:00:00.000Z",
        declineReason: "The notes say what was said in the meeting.",
      }),
    ]);
    expect(
      await screen.findByRole("heading", { name: "Your requests for corrections" }),
    ).toBeTruthy();
    expect(screen.getByText("Not changed")).toBeTruthy();
    expect(screen.getByText("The notes say what was said in the meeting.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Decline the request" })).toBeNull();
  });
});
