import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { familyId, noAbilities } from "../../testing/fixtures";
import { RecordCorrections } from "./record-corrections";

const meetingId = "3b8f1c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e";
const url = `/api/families/${familyId}/records/meeting_record/${meetingId}/corrections`;
const words =
  "Corrected on 30 November 2026 by Jordan Hale: Decisions — The grant was agreed. Reason: Misheard.";

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RecordCorrections familyId={familyId} recordKind="meeting_record" recordId={meetingId} />
    </QueryClientProvider>,
  );
}

describe("RecordCorrections", () => {
  it("shows each correction's words beneath the record and lets the lead add one with a reason", async () => {
    const abilities = noAbilities();
    abilities.correction = { create: true, read: true };
    const saved: unknown[] = [];
    let list: unknown[] = [];
    fakeApi({
      [`GET ${url}`]: () => [200, { data: list, abilities }],
      [`POST ${url}`]: (call) => {
        saved.push(call.body);
        list = [{ id: "c1", words }];
        return [201, { data: list[0], abilities }];
      },
    });
    show();
    expect(await screen.findByText("This record has not been corrected.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Which part is wrong"), {
      target: { value: "Decisions" },
    });
    fireEvent.change(screen.getByLabelText("What it should say"), {
      target: { value: "The grant was agreed." },
    });
    fireEvent.change(screen.getByLabelText("Why it was wrong"), { target: { value: "Misheard." } });
    fireEvent.click(screen.getByRole("button", { name: "Add the correction" }));
    await waitFor(() =>
      expect(saved).toEqual([
        { section: "Decisions", correctedText: "The grant was agreed.", reason: "Misheard." },
      ]),
    );
    expect(await screen.findByText(words)).toBeTruthy();
  });

  it("shows a team member the corrections without the form", async () => {
    const abilities = noAbilities();
    abilities.correction = { create: false, read: true };
    fakeApi({ [`GET ${url}`]: [200, { data: [{ id: "c1", words }], abilities }] });
    show();
    expect(await screen.findByText(words)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add the correction" })).toBeNull();
  });
});
