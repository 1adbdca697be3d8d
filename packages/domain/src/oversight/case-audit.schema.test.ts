import { describe, expect, it } from "vitest";
import { CaseAuditInput, SupervisionNoteInput } from "./case-audit.schema";
import { caseAuditAreaWords } from "./case-audit-words";
import { caseAuditAreas } from "./oversight-vocabulary";

const everyArea = caseAuditAreas.map((area) => ({ area, grade: "good", comment: "Seen." }));

describe("CaseAuditInput", () => {
  it("accepts every area graded once", () => {
    expect(
      CaseAuditInput.safeParse({ grade: "good", areas: everyArea, feedback: "Well done." }).success,
    ).toBe(true);
  });

  it("refuses a missing area, a repeated area and an empty comment", () => {
    const missing = everyArea.slice(1);
    const repeated = [...missing, everyArea[1]];
    const empty = everyArea.map((a, i) => (i === 0 ? { ...a, comment: "" } : a));
    for (const areas of [missing, repeated, empty]) {
      expect(CaseAuditInput.safeParse({ grade: "good", areas, feedback: "x" }).success).toBe(false);
    }
  });
});

describe("SupervisionNoteInput", () => {
  it("needs a date, the discussion and the decisions", () => {
    expect(
      SupervisionNoteInput.safeParse({ heldOn: "2026-01-10", discussion: "a", decisions: "b" })
        .success,
    ).toBe(true);
    expect(SupervisionNoteInput.safeParse({ heldOn: "2026-01-10", discussion: "a" }).success).toBe(
      false,
    );
  });
});

it("has a prompt for every audit area", () => {
  for (const area of caseAuditAreas) expect(caseAuditAreaWords[area].prompt).not.toBe("");
});
