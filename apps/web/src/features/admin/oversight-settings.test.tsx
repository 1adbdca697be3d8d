import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

function administrator() {
  const me = meResponse({ role: "administrator" });
  me.abilities.authority.manage = true;
  return me;
}

describe("the authority's drift targets and localities", () => {
  it("are shown and saved with the other settings, localities one a line", async () => {
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/authority": [200, { data: { ...authority, localities: ["North"] } }],
      "PATCH /api/authority": (call) => [200, { data: { ...authority, ...(call.body as object) } }],
    });
    renderApp("/admin/settings");
    const triage = await screen.findByLabelText(/request for help is triaged/);
    expect((triage as HTMLInputElement).value).toBe("5");
    fireEvent.change(triage, { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText("Localities"), {
      target: { value: "North\n\n South \n" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(api.callsTo("PATCH", "/api/authority")).toHaveLength(1));
    expect(api.callsTo("PATCH", "/api/authority")[0]?.body).toMatchObject({
      triageTargetWorkingDays: 3,
      assessmentTargetWorkingDays: 45,
      actionOverdueDays: 14,
      localities: ["North", "South"],
    });
  });

  it("show the API's refusal beside the localities", async () => {
    fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/authority": [200, { data: authority }],
      "PATCH /api/authority": [
        409,
        {
          error: {
            code: "conflict",
            message: "The locality is still given to open cases.",
            details: [{ path: "localities", message: '"North" is in use' }],
          },
        },
      ],
    });
    renderApp("/admin/settings");
    fireEvent.click(await screen.findByRole("button", { name: "Save settings" }));
    expect((await screen.findAllByText(/"North" is in use/)).length).toBeGreaterThan(0);
  });
});
