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

describe("the authority's retention rule", () => {
  it("is shown and saved with the other settings", async () => {
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/authority": [200, { data: authority }],
      "PATCH /api/authority": (call) => [200, { data: { ...authority, ...(call.body as object) } }],
    });
    renderApp("/admin/settings");
    const age = await screen.findByLabelText("Age of the youngest child");
    expect((age as HTMLInputElement).value).toBe("25");
    fireEvent.click(screen.getByLabelText("For a number of years after closure"));
    fireEvent.change(screen.getByLabelText("Years after closure"), { target: { value: "7" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(api.callsTo("PATCH", "/api/authority")).toHaveLength(1));
    expect(api.callsTo("PATCH", "/api/authority")[0]?.body).toMatchObject({
      retentionRuleKind: "years_after_closure",
      retentionYears: 7,
    });
  });
});
