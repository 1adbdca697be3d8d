import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

describe("a change made on a stale version", () => {
  it("says someone else changed it, saves nothing, and reloads the latest on request", async () => {
    const abilities = noAbilities();
    abilities.family.update = true;
    let version = family.version;
    const fake = fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
      [`GET /api/families/${familyId}`]: () => [200, { data: { ...family, version }, abilities }],
      [`PATCH /api/families/${familyId}`]: () => {
        version += 1; // someone else saved first
        return [
          409,
          {
            error: {
              code: "stale_version",
              message: "This family was changed by someone else. Reload and try again.",
            },
          },
        ];
      },
    });
    renderApp(`/families/${familyId}/level-of-need`);
    fireEvent.click(await screen.findByLabelText(/2 – Early help/));
    fireEvent.click(screen.getByRole("button", { name: "Save level of need" }));

    expect(
      await screen.findByText("Someone else changed this while you were working on it"),
    ).toBeTruthy();
    const patches = fake.callsTo("PATCH", `/api/families/${familyId}`);
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toEqual({ version: family.version, levelOfNeed: 2 });

    const readsBefore = fake.callsTo("GET", `/api/families/${familyId}`).length;
    fireEvent.click(screen.getByRole("button", { name: "Reload the latest version" }));
    await waitFor(() =>
      expect(fake.callsTo("GET", `/api/families/${familyId}`).length).toBeGreaterThan(readsBefore),
    );
    await waitFor(() =>
      expect(
        screen.queryByText("Someone else changed this while you were working on it"),
      ).toBeNull(),
    );
    expect(fake.callsTo("PATCH", `/api/families/${familyId}`)).toHaveLength(1);
  });
});
