import { describe, expect, it } from "vitest";
import { countFigures } from "./count-figures";
import { defaultPeriod, lastQuarter, periodStarting } from "./figure-period";
import type { FigureRecords, RequestRecord } from "./figure-records";
import { presentFigures } from "./present-figures";
import { cellsToHide } from "./suppression";

describe("cellsToHide", () => {
  it("hides counts from 1 to 4 and shows nought and 5", () => {
    const values = new Map([
      ["a", 0],
      ["b", 1],
      ["c", 4],
      ["d", 5],
    ]);
    expect([...cellsToHide(values, [])].sort()).toEqual(["b", "c"]);
  });

  it("hides a second part when a total minus the shown parts would give a hidden one away", () => {
    const values = new Map([
      ["total", 20],
      ["x", 3],
      ["y", 7],
      ["z", 10],
    ]);
    const hide = cellsToHide(values, [{ total: "total", parts: ["x", "y", "z"] }]);
    expect([...hide].sort()).toEqual(["x", "y"]);
  });

  it("hides the total when the hidden part is the only one", () => {
    const values = new Map([
      ["total", 3],
      ["x", 3],
    ]);
    expect([...cellsToHide(values, [{ total: "total", parts: ["x"] }])].sort()).toEqual([
      "total",
      "x",
    ]);
  });

  it("follows on: a cell hidden for one sum is hidden in every sum it is part of", () => {
    const values = new Map([
      ["row1", 12],
      ["a1", 2],
      ["b1", 10],
      ["row2", 15],
      ["a2", 7],
      ["b2", 8],
      ["colA", 9],
      ["colB", 18],
    ]);
    const hide = cellsToHide(values, [
      { total: "row1", parts: ["a1", "b1"] },
      { total: "row2", parts: ["a2", "b2"] },
      { total: "colA", parts: ["a1", "a2"] },
      { total: "colB", parts: ["b1", "b2"] },
    ]);
    // a1 small; b1 for row1; a2 for colA; b2 for row2 (and colB): nothing can be worked out.
    expect([...hide].sort()).toEqual(["a1", "a2", "b1", "b2"]);
  });
});

const request = (over: Partial<RequestRecord>): RequestRecord => ({
  requestedOn: "2026-02-10",
  status: "accepted",
  receivingAgencyId: "school",
  requesterAgencyId: "health",
  locality: null,
  ...over,
});

const empty: FigureRecords = {
  firstTacWorkingDays: 15,
  meetings: [],
  reviews: [],
  requests: [],
  episodes: [],
  assessments: [],
  events: [],
  outcomeResults: [],
  scores: [],
  feedback: [],
  audits: [],
  sustainability: [],
};

describe("presented figures cannot be differenced", () => {
  // 9 requests asked by health, 3 by housing: housing's 3 is hidden, so health's 9
  // must be hidden too, or the total 12 minus 9 gives it away.
  const requests = [
    ...Array.from({ length: 9 }, () => request({ requesterAgencyId: "health" })),
    ...Array.from({ length: 3 }, () => request({ requesterAgencyId: "housing" })),
  ];
  const period = periodStarting("quarter", "2026-01-01");
  const records = { ...empty, requests };
  const tables = presentFigures(
    countFigures(records, period, "asking_agency"),
    countFigures(records, period, "none"),
    ["health", "housing"],
  );
  const received = tables[0]?.rows.find((r) => r.key === "requests.received");

  it("shows the total and hides both groups", () => {
    expect(received?.total).toEqual({ value: 12, text: "12" });
    expect(received?.cells.housing).toEqual({ value: null, text: "fewer than 5" });
    expect(received?.cells.health).toEqual({ value: null, text: "fewer than 5" });
  });

  it("no shown cell plus the total reveals a hidden one", () => {
    for (const table of tables) {
      for (const row of table.rows.filter(
        (r) => r.unit === "count" && r.key !== "caseload.leads",
      )) {
        const cells = Object.values(row.cells);
        const hiddenCells = cells.filter((c) => c.value === null && c.text === "fewer than 5");
        if (row.total.value !== null) expect(hiddenCells.length).not.toBe(1);
      }
    }
  });

  it("hides a percentage worked from a hidden count", () => {
    const small = { ...empty, requests: [request({})] };
    const shown = presentFigures(
      countFigures(small, period, "none"),
      countFigures(small, period, "none"),
      [],
    );
    expect(shown[0]?.rows[0]?.total.text).toBe("fewer than 5");
  });
});

describe("periods", () => {
  it("defaults to the last calendar quarter that has ended", () => {
    expect(lastQuarter("2026-11-29")).toEqual({
      kind: "quarter",
      from: "2026-07-01",
      to: "2026-09-30",
    });
    expect(lastQuarter("2026-01-01")).toEqual({
      kind: "quarter",
      from: "2025-10-01",
      to: "2025-12-31",
    });
  });
  it("defaults a month to the last whole month, a year to the four quarters to the last", () => {
    expect(defaultPeriod("month", "2026-03-15")).toEqual({
      kind: "month",
      from: "2026-02-01",
      to: "2026-02-28",
    });
    expect(defaultPeriod("year", "2026-11-29")).toEqual({
      kind: "year",
      from: "2025-10-01",
      to: "2026-09-30",
    });
  });
  it("runs a month, quarter or year from the first day", () => {
    expect(periodStarting("month", "2026-02-01").to).toBe("2026-02-28");
    expect(periodStarting("year", "2025-04-01").to).toBe("2026-03-31");
  });
});
