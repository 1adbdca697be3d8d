import { describe, expect, it } from "vitest";
import { familyPermissions } from "../authorization/family-permissions";
import { familyChangeResources } from "../events/realtime-events";
import { staffOnlyNoticeResources } from "./meeting.schema";

describe("the audience of live notices", () => {
  it.each(familyChangeResources)(
    "%s: staff only unless a family member may read it",
    (resource) => {
      const readers: readonly string[] = familyPermissions[resource].read ?? [];
      const familyReads = readers.includes("family_member");
      // The register is read by the family, but not its hidden entries: staff only as well.
      const staffOnly = !familyReads || resource === "sharing";
      expect(staffOnlyNoticeResources.includes(resource)).toBe(staffOnly);
    },
  );
});
