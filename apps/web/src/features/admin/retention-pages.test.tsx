import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const familyId = "3c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const base = "/api/admin/retention-reviews";

const review = {
  familyId,
  familyReference: "EH-2019-0042",
  closedOn: "2019-06-01",
  dueOn: "2025-06-01",
  rule: { kind: "years_after_closure", years: 6 },
  ruleWords: "6 years after closure",
  extendedUntil: null,
  extensionReason: null,
  hold: null as null | { reason: string; heldBy: string; heldAt: string },
  version: 3,
};

function administrator() {
  const me = meResponse({ role: "administrator" });
  Object.assign(me.abilities, {
    retention_review: { list: true, extend: true, hold: true, erase: true },
  });
  return me;
}

describe("records due for review", () => {
  it("lists each family with its reference, closure, due day and rule", async () => {
    fakeApi({
      "GET /api/me": [200, administrator()],
      [`GET ${base}`]: [200, { data: [review] }],
    });
    renderApp("/admin/retention");
    expect(await screen.findByRole("rowheader", { name: "EH-2019-0042" })).toBeTruthy();
    expect(screen.getByText("6 years after closure")).toBeTruthy();
    expect(screen.getByText("Due for review")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Review EH-2019-0042" }).getAttribute("href")).toBe(
      `/admin/retention/${familyId}`,
    );
  });

  it("places a legal hold with its reason and the version read", async () => {
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      [`GET ${base}`]: [200, { data: [review] }],
      [`POST ${base}/${familyId}/hold`]: [200, { data: review }],
    });
    renderApp(`/admin/retention/${familyId}`);
    fireEvent.change(await screen.findByLabelText("Reason for the legal hold"), {
      target: { value: "Court case" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Place a legal hold" }));
    await waitFor(() => expect(api.callsTo("POST", `${base}/${familyId}/hold`)).toHaveLength(1));
    expect(api.callsTo("POST", `${base}/${familyId}/hold`)[0]?.body).toEqual({
      reason: "Court case",
      version: 3,
    });
  });

  it("offers only to lift a hold while one stands", async () => {
    const held = {
      ...review,
      hold: { reason: "Court case", heldBy: "Ada Admin", heldAt: "2026-11-01T10:00:00.000Z" },
    };
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      [`GET ${base}`]: [200, { data: [held] }],
      [`POST ${base}/${familyId}/lift-hold`]: [200, { data: review }],
    });
    renderApp(`/admin/retention/${familyId}`);
    expect(await screen.findByText("Court case (placed by Ada Admin)")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Erase this record" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Keep for longer" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Lift the legal hold" }));
    await waitFor(() =>
      expect(api.callsTo("POST", `${base}/${familyId}/lift-hold`)[0]?.body).toEqual({
        version: 3,
      }),
    );
  });

  it("erases only once the family reference is typed, saying what goes and what stays", async () => {
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      [`GET ${base}`]: [200, { data: [review] }],
      [`POST ${base}/${familyId}/erase`]: [
        200,
        { data: { familyReference: "EH-2019-0042", erasedAt: "2026-11-30T06:00:00.000Z" } },
      ],
    });
    renderApp(`/admin/retention/${familyId}/erase`);
    expect(await screen.findByRole("heading", { name: "Erase EH-2019-0042" })).toBeTruthy();
    expect(screen.getByText("This cannot be undone.")).toBeTruthy();
    expect(
      screen.getByText("names, dates of birth, contact details and equality details"),
    ).toBeTruthy();
    expect(screen.getByText(/Erased\s+person 1/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Type the family reference to confirm"), {
      target: { value: "EH-2019-0043" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Erase this record" }));
    expect(
      (await screen.findAllByText("Type EH-2019-0042 exactly to confirm")).length,
    ).toBeGreaterThan(0);
    expect(api.callsTo("POST", `${base}/${familyId}/erase`)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/Type the family reference to confirm/), {
      target: { value: "EH-2019-0042" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Erase this record" }));
    await waitFor(() =>
      expect(api.callsTo("POST", `${base}/${familyId}/erase`)[0]?.body).toEqual({
        confirmReference: "EH-2019-0042",
        version: 3,
      }),
    );
    expect(await screen.findByRole("heading", { name: "Records due for review" })).toBeTruthy();
  });
});
