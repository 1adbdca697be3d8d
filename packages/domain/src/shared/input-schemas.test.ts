import { describe, expect, it } from "vitest";
import { ChatSendPayload, DecisionRecordPayload } from "../meetings/meeting.schema";
import { dateWindows, isoDateWithin, isWithinYears } from "./date.schema";
import { hasChanges, int4, versionSchema } from "./number.schema";
import { safeLine, safeSecret, safeText } from "./text.schema";

const controls = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
].map((code) => String.fromCharCode(code));

describe("safeLine and safeText", () => {
  const line = safeLine({ max: 20 });
  const text = safeText({ max: 20 });

  it.each(controls.map((c) => [c.charCodeAt(0).toString(16), c]))(
    "safeLine refuses U+%s inside a value",
    (_code, control) => {
      expect(line.safeParse(`a${control}b`).success).toBe(false);
    },
  );

  it.each(controls.filter((c) => c !== "\n" && c !== "\t").map((c) => [c.charCodeAt(0), c]))(
    "safeText refuses control character %i",
    (_code, control) => {
      expect(text.safeParse(`a${control}b`).success).toBe(false);
    },
  );

  it("safeText keeps line feeds and tabs; both trim and bound the length", () => {
    expect(text.parse("  one\n\ttwo  ")).toBe("one\n\ttwo");
    expect(line.parse("  Robin  ")).toBe("Robin");
    expect(line.safeParse("   ").success).toBe(false);
    expect(line.safeParse("x".repeat(21)).success).toBe(false);
    expect(safeLine({ min: 0, max: 5 }).parse("")).toBe("");
  });

  it("keeps non-Latin text and emoji", () => {
    expect(line.parse("Zoë Ṅ 王 🙂")).toBe("Zoë Ṅ 王 🙂");
  });

  it("safeSecret does not trim but refuses NUL", () => {
    const secret = safeSecret({ max: 50 });
    expect(secret.parse(" pass word ")).toBe(" pass word ");
    expect(secret.safeParse("pass\u0000word").success).toBe(false);
  });
});

describe("integers within their column", () => {
  it.each([
    [2_147_483_647, true],
    [2_147_483_648, false],
    [-2_147_483_648, true],
    [-2_147_483_649, false],
    [1.5, false],
  ])("int4 %d → %s", (value, ok) => {
    expect(int4.safeParse(value).success).toBe(ok);
  });

  it("a version is 1 to 2^31-1", () => {
    expect(versionSchema.safeParse(0).success).toBe(false);
    expect(versionSchema.safeParse(2_147_483_648).success).toBe(false);
    expect(versionSchema.safeParse(7).success).toBe(true);
  });

  it("hasChanges ignores the version and absent fields", () => {
    expect(hasChanges({ version: 1 })).toBe(false);
    expect(hasChanges({ version: 1, name: undefined })).toBe(false);
    expect(hasChanges({})).toBe(false);
    expect(hasChanges({ version: 1, note: null })).toBe(true);
  });
});

describe("date windows", () => {
  const now = new Date("2026-06-15T12:00:00Z");

  it("bounds a child's date of birth to 25 years back and not beyond tomorrow", () => {
    expect(isWithinYears("1800-01-01", dateWindows.childBirth, now)).toBe(false);
    expect(isWithinYears("2001-06-16", dateWindows.childBirth, now)).toBe(true);
    expect(isWithinYears("2001-06-13", dateWindows.childBirth, now)).toBe(false);
    expect(isWithinYears("2026-06-20", dateWindows.childBirth, now)).toBe(false);
  });

  it("lets an adult be up to 120", () => {
    expect(isWithinYears("1950-01-01", dateWindows.adultBirth, now)).toBe(true);
    expect(isWithinYears("1900-01-01", dateWindows.adultBirth, now)).toBe(false);
  });

  it("refuses a plan date years away as a schema error", () => {
    const schema = isoDateWithin(dateWindows.planDate);
    expect(schema.safeParse("9999-12-31").success).toBe(false);
    expect(schema.safeParse(new Date().toISOString().slice(0, 10)).success).toBe(true);
  });
});

describe("the realtime chat and decision payloads use the same rule", () => {
  const meetingId = "00000000-0000-4000-8000-000000000000";

  it.each(["Robin\u0000Smith", "bell\u0007", "\u009b[2J"])("refuses %j", (text) => {
    expect(ChatSendPayload.safeParse({ meetingId, body: text }).success).toBe(false);
    expect(DecisionRecordPayload.safeParse({ meetingId, text }).success).toBe(false);
  });

  it("keeps a multi-line message", () => {
    expect(ChatSendPayload.parse({ meetingId, body: " one\ntwo " }).body).toBe("one\ntwo");
  });
});
