import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";
import type { FiguresReport } from "./report-queries";

function analystMe() {
  const me = meResponse({ role: "partnership_analyst", displayName: "Ali Analyst", agency: null });
  return {
    ...me,
    abilities: {
      ...me.abilities,
      family: { create: false, list_mine: false },
      my_actions: { list: false },
      help_request: { create: false, list: false },
      figures: { read: true },
    },
  };
}

const shown = (value: number) => ({ value, text: String(value) });
const hidden = { value: null, text: "fewer than 5" };

const report: FiguresReport = {
  period: { kind: "quarter", from: "2026-07-01", to: "2026-09-30" },
  split: "locality",
  scope: "partnership",
  scopeName: "The partnership",
  groups: [
    { key: "North", label: "North" },
    { key: "South", label: "South" },
  ],
  tables: [
    {
      key: "caseload",
      title: "Open caseload at the end of the period",
      rows: [
        {
          key: "caseload.open",
          label: "Open episodes",
          unit: "count",
          cells: { North: hidden, South: hidden },
          total: shown(12),
        },
      ],
    },
  ],
};

function serve() {
  return fakeApi({
    "GET /api/me": [200, analystMe()],
    "GET /api/authority": [200, { data: authority }],
    "GET /api/figures": [200, report],
  });
}

describe("the partnership's figures", () => {
  it("is where an analyst lands, linked in the header", async () => {
    serve();
    renderApp("/");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Partnership figures" }),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Figures" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "My work" })).toBeNull();
  });

  it("shows each figure as a table beside its chart, small numbers as 'fewer than 5'", async () => {
    serve();
    renderApp("/reports?period=quarter&split=locality");
    const table = await screen.findByRole("table", {
      name: /Open caseload at the end of the period/,
    });
    const row = within(table).getByRole("row", { name: /Open episodes/ });
    expect(within(row).getAllByText("fewer than 5")).toHaveLength(2);
    expect(within(row).getByText("12")).toBeTruthy();
    expect(screen.getByTestId("figures-period").textContent).toContain(
      "1 July 2026 to 30 September 2026",
    );
  });

  it("offers the same figures as CSV and as a board report", async () => {
    serve();
    renderApp("/reports?period=quarter&split=locality");
    const csv = await screen.findByRole("link", { name: "Download the figures (CSV)" });
    expect(csv.getAttribute("href")).toBe("/api/figures.csv?period=quarter&split=locality");
    expect(
      screen.getByRole("link", { name: "Download the board report (PDF)" }).getAttribute("href"),
    ).toBe("/api/figures/board-report.pdf?period=quarter&split=locality");
  });

  it("asks the API for the period and split chosen", async () => {
    const api = serve();
    renderApp("/reports");
    await screen.findByRole("table", { name: /Open caseload/ });
    fireEvent.change(screen.getByLabelText("Split the figures by"), {
      target: { value: "age_band" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Show figures" }));
    await screen.findByRole("table", { name: /Open caseload/ });
    const asked = api.calls.filter((c) => c.url.includes("/api/figures"));
    expect(new URL(asked[asked.length - 1]?.url ?? "http://x").searchParams.get("split")).toBe(
      "age_band",
    );
  });
});
