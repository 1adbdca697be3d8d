import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const conflictTitle = "Someone else changed this while you were working on it";
const stale = [
  409,
  {
    error: {
      code: "stale_version",
      message:
        "Someone else changed this since you opened it. Reload to see their change, then try again.",
    },
  },
] as const;

function administrator() {
  const me = meResponse({ role: "administrator" });
  me.abilities.agency.manage = true;
  me.abilities.authority.manage = true;
  me.abilities.user.manage = true;
  return me;
}

const agency = {
  id: "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  name: "Riverside Surgery",
  type: "health",
  active: true,
  contactEmail: null,
  version: 4,
  createdAt: "2026-01-10T10:00:00.000Z",
};

const user = {
  id: "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
  email: "sam.lee@example.test",
  displayName: "Sam Lee",
  jobTitle: null as string | null,
  role: "practitioner",
  agency: { id: agency.id, name: agency.name, type: agency.type },
  status: "active",
  totpEnabled: false,
  createdAt: "2026-01-10T10:00:00.000Z",
  deactivatedAt: null,
  version: 2,
};

describe("an administrator's change made on a stale version", () => {
  it("agency: sends the version read, says someone else changed it, and reloads on request", async () => {
    let current = agency;
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/agencies": () => [200, { data: [current] }],
      [`PATCH /api/agencies/${agency.id}`]: () => {
        current = { ...agency, name: "Riverside Health Centre", version: 5 };
        return [...stale];
      },
    });
    renderApp(`/admin/agencies/${agency.id}`);
    fireEvent.change(await screen.findByLabelText("Name"), { target: { value: "Surgery" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText(conflictTitle)).toBeTruthy();
    expect(api.callsTo("PATCH", `/api/agencies/${agency.id}`)[0]?.body).toMatchObject({
      version: 4,
      name: "Surgery",
    });
    fireEvent.click(screen.getByRole("button", { name: "Reload the latest version" }));
    await waitFor(() => expect(screen.queryByText(conflictTitle)).toBeNull());
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe(
      "Riverside Health Centre",
    );
  });

  it("staff account: sends the version read and offers to reload", async () => {
    let current = user;
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/users": () => [200, { data: [current] }],
      "GET /api/agencies": [200, { data: [agency] }],
      [`PATCH /api/users/${user.id}`]: () => {
        current = { ...user, jobTitle: "Practice nurse", version: 3 };
        return [...stale];
      },
    });
    renderApp(`/admin/users/${user.id}`);
    fireEvent.click(await screen.findByRole("button", { name: "Save details" }));
    expect(await screen.findByText(conflictTitle)).toBeTruthy();
    expect(api.callsTo("PATCH", `/api/users/${user.id}`)[0]?.body).toMatchObject({ version: 2 });
    const reads = api.callsTo("GET", "/api/users").length;
    fireEvent.click(screen.getByRole("button", { name: "Reload the latest version" }));
    await waitFor(() => expect(screen.queryByText(conflictTitle)).toBeNull());
    expect(api.callsTo("GET", "/api/users").length).toBeGreaterThan(reads);
  });

  it("authority settings: sends the version read and offers to reload", async () => {
    let current = { ...authority, version: 7 };
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/authority": () => [200, { data: current }],
      "PATCH /api/authority": () => {
        current = { ...current, version: 8 };
        return [...stale];
      },
    });
    renderApp("/admin/settings");
    fireEvent.click(await screen.findByRole("button", { name: "Save settings" }));
    expect(await screen.findByText(conflictTitle)).toBeTruthy();
    expect(api.callsTo("PATCH", "/api/authority")[0]?.body).toMatchObject({ version: 7 });
    fireEvent.click(screen.getByRole("button", { name: "Reload the latest version" }));
    await waitFor(() => expect(screen.queryByText(conflictTitle)).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(api.callsTo("PATCH", "/api/authority")).toHaveLength(2));
    expect(api.callsTo("PATCH", "/api/authority")[1]?.body).toMatchObject({ version: 8 });
  });
});
