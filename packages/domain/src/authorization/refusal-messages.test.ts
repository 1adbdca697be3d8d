import { describe, expect, it } from "vitest";
import { type FamilyResource, familyPermissions } from "./family-permissions";
import { agencyStaffOnlyMessage, refusalMessage } from "./refusal-messages";

const cells = Object.entries(familyPermissions).flatMap(([resource, actions]) =>
  Object.keys(actions).map((action) => ({ resource: resource as FamilyResource, action })),
);

describe("refusal messages", () => {
  it.each(cells)("$resource.$action reads as one plain sentence", ({ resource, action }) => {
    const message = refusalMessage(resource, action as never);
    // "You may not <verb> …." with no identifiers, no fallback, and no "this" stranded after a verb.
    expect(message).toMatch(/^You may not [a-z][a-z' ]+\.$/);
    expect(message).not.toContain("_");
    expect(message).not.toContain("do this");
    expect(message).not.toMatch(/\b(read|former|hidden|progress) this\b/);
    expect(message).not.toMatch(/\bthis (this|a|the)\b/);
  });

  it.each(cells)("$resource.$action has its own wording", ({ resource, action }) => {
    const others = cells.filter((c) => c.resource !== resource || c.action !== action);
    const message = refusalMessage(resource, action as never);
    expect(others.map((c) => refusalMessage(c.resource, c.action as never))).not.toContain(message);
  });

  it("says what former members are", () => {
    expect(refusalMessage("team", "read_former")).toBe(
      "You may not see this team's former members.",
    );
    expect(refusalMessage("sharing", "read_hidden")).toBe(
      "You may not see register entries hidden from the family.",
    );
    expect(refusalMessage("action", "add_progress")).toBe("You may not add progress to an action.");
  });

  it("says why someone without an agency was refused", () => {
    expect(agencyStaffOnlyMessage("sharing", "record")).toBe(
      "Only staff of an agency may record a share.",
    );
  });
});
