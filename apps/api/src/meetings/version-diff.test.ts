import type { PlanVersionContent, VersionAction } from "@teamaround/domain";
import { describe, expect, it } from "vitest";
import { diffText, diffVersions } from "./version-diff";

const action = (id: string, overrides: Partial<VersionAction> = {}): VersionAction => ({
  id,
  outcomeId: "o",
  text: `Action ${id}`,
  dueDate: "2026-06-01",
  status: "open",
  completedAt: null,
  owners: [],
  ...overrides,
});

function version(actions: VersionAction[], worries: string): PlanVersionContent {
  return {
    format: 1,
    meeting: {
      id: "m",
      kind: "review",
      scheduledFor: "2026-01-01T10:00:00.000Z",
      startedAt: null,
      endedAt: "2026-01-01T11:00:00.000Z",
      chairUserId: "u",
      agenda: [],
    },
    documents: { plan: { worries } },
    outcomes: [],
    actions,
    attendance: [],
    chat: [],
    decisions: [],
  };
}

describe("diffText", () => {
  it("marks added and removed words and keeps the rest", () => {
    const parts = diffText("Rent arrears remain", "Rent arrears are being repaid");
    expect(
      parts
        .filter((p) => p.kind === "unchanged")
        .map((p) => p.text)
        .join(""),
    ).toContain("Rent arrears");
    expect(parts.some((p) => p.kind === "removed" && p.text.includes("remain"))).toBe(true);
    expect(parts.some((p) => p.kind === "added" && p.text.includes("repaid"))).toBe(true);
  });

  it("says nothing about two empty texts", () => {
    expect(diffText("", "")).toEqual([]);
  });
});

describe("diffVersions", () => {
  it("sorts actions into added, changed, done and removed, each once", () => {
    const before = version([action("a"), action("b"), action("c")], "x");
    const after = version(
      [
        action("a", { status: "done", completedAt: "2026-02-01T00:00:00.000Z" }),
        action("b", { dueDate: "2026-07-01" }),
        action("d"),
      ],
      "x",
    );
    const diff = diffVersions(before, after);
    expect(diff.actions.added.map((a) => a.id)).toEqual(["d"]);
    expect(diff.actions.done.map((a) => a.id)).toEqual(["a"]);
    expect(diff.actions.changed).toEqual([
      {
        id: "b",
        after: expect.objectContaining({ id: "b" }),
        changes: [{ field: "dueDate", before: "2026-06-01", after: "2026-07-01" }],
      },
    ]);
    expect(diff.actions.removed.map((a) => a.id)).toEqual(["c"]);
  });

  it("compares only documents the newer version shows", () => {
    const diff = diffVersions(version([], "a"), version([], "b"));
    expect(new Set(diff.sections.map((s) => s.document))).toEqual(new Set(["plan"]));
    expect(diff.sections.find((s) => s.section === "worries")?.changed).toBe(true);
  });
});
