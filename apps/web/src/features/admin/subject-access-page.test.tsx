import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const familyId = "00000000-0000-4000-8000-000000000001";
const memberId = "00000000-0000-4000-8000-000000000002";

function administrator() {
  const me = meResponse({ role: "administrator" });
  Object.assign(me.abilities, { subject_access: { export: true } });
  return me;
}

describe("/admin/subject-access", () => {
  it("finds a family by reference and offers both downloads per member, explaining the marks", async () => {
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/authority": [200, { data: authority }],
      "GET /api/admin/subject-access/families": [
        200,
        {
          data: {
            familyId,
            reference: "EH-2026-0042",
            displayName: "The Ashdown family",
            members: [{ memberId, name: "Sam Ashdown", kind: "adult", relationship: "mother" }],
          },
        },
      ],
    });
    renderApp("/admin/subject-access");
    fireEvent.change(await screen.findByLabelText("Family reference"), {
      target: { value: "EH-2026-0042" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Find the family" }));
    const pdf = await screen.findByRole("link", { name: "Download the PDF for Sam Ashdown" });
    expect(pdf.getAttribute("href")).toBe(
      `/api/admin/subject-access/families/${familyId}/members/${memberId}/export.pdf`,
    );
    expect(
      screen
        .getByRole("link", { name: "Download the JSON file for Sam Ashdown" })
        .getAttribute("href"),
    ).toMatch(/export\.json$/);
    expect(api.calls.some((c) => c.url.includes("reference=EH-2026-0042"))).toBe(true);
    expect(screen.getByText("[[THIRD PARTY: …]]")).toBeTruthy();
  });

  it("tells someone without the ability that only administrators may", async () => {
    fakeApi({
      "GET /api/me": [200, meResponse({ role: "manager" })],
      "GET /api/authority": [200, { data: authority }],
    });
    renderApp("/admin/subject-access");
    expect(
      await screen.findByText("Only administrators may answer a subject access request."),
    ).toBeTruthy();
  });
});
