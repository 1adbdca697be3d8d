import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  auditEventNames,
  auditEventsOfKind,
  auditEventWords,
  auditKindOf,
  auditKinds,
  isAuditEventName,
} from "./audit-event-kinds";
import { describeAuditActor, describeAuditEvent } from "./describe-audit-event";

const repoRoot = join(import.meta.dirname, "../../../..");
const sourceDirs = ["apps/api/src", "apps/realtime/src", "packages/db/src", "packages/notices/src"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Every `event: "noun.verb"` written in the code (dynamic names are held by the type of `recordAudit`). */
function eventsWrittenInCode(): Set<string> {
  const found = new Set<string>();
  for (const dir of sourceDirs) {
    for (const file of sourceFiles(join(repoRoot, dir))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/event:\s*"([a-z_]+(?:\.[a-z_]+)+)"/g)) found.add(m[1] ?? "");
    }
  }
  return found;
}

describe("audit event wording", () => {
  it("has plain words and a kind for every event written anywhere in the code", () => {
    const written = [...eventsWrittenInCode()];
    expect(written.length).toBeGreaterThan(50);
    expect(written.filter((event) => !isAuditEventName(event))).toEqual([]);
  });

  it("gives every known event a sentence without dots or underscores, and one of the kinds", () => {
    for (const event of auditEventNames) {
      const words = auditEventWords(event);
      expect(words, event).toMatch(/^[a-z]/);
      expect(words, event).not.toMatch(/[._]/);
      expect(auditKinds).toContain(auditKindOf(event));
    }
  });

  it("splits the events into kinds without overlap", () => {
    const all = auditKinds.flatMap((kind) => auditEventsOfKind(kind));
    expect(all.sort()).toEqual([...auditEventNames]);
    expect(auditEventsOfKind("reads")).toContain("plan.read");
    expect(auditEventsOfKind("exports")).toContain("audit.export");
    expect(auditEventsOfKind("sharing")).toContain("consent.withdraw");
  });

  it("names the thing acted on when it is known", () => {
    expect(auditEventWords("action.create", "Call the school nurse")).toBe(
      "added the action ‘Call the school nurse’",
    );
    expect(auditEventWords("action.create")).toBe("added an action");
    expect(auditEventWords("not.a_thing")).toBe("did something the log has no words for");
  });
});

describe("describeAuditEvent", () => {
  const sam = { name: "Sam Okafor", agency: "Health Visiting" };
  const at = new Date("2026-03-02T09:02:00Z");

  it("says who did what, with their agency", () => {
    expect(
      describeAuditEvent({ event: "plan.read", actor: sam, count: 1, firstAt: at, lastAt: at }),
    ).toBe("Sam Okafor (Health Visiting) read the plan");
    expect(
      describeAuditEvent({
        event: "action.create",
        actor: sam,
        subject: "Call the school nurse",
        count: 1,
        firstAt: at,
        lastAt: at,
      }),
    ).toBe("Sam Okafor (Health Visiting) added the action ‘Call the school nurse’");
  });

  it("counts a run of reads and gives its first and last time in UK time", () => {
    const last = new Date("2026-06-02T10:40:00Z"); // British Summer Time
    expect(
      describeAuditEvent({
        event: "plan.read",
        actor: sam,
        count: 14,
        firstAt: new Date("2026-06-02T08:02:00Z"),
        lastAt: last,
      }),
    ).toBe("Sam Okafor (Health Visiting) read the plan 14 times between 09:02 and 11:40");
  });

  it("names the system, and someone without an agency, without ids", () => {
    expect(describeAuditActor(null)).toBe("The system");
    expect(describeAuditActor({ name: "Alex Rowe", agency: null })).toBe("Alex Rowe");
    expect(describeAuditActor({ name: null, agency: null })).toBe(
      "Someone whose account no longer exists",
    );
  });
});
