import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

function serve(me: ReturnType<typeof meResponse>) {
  return fakeApi({
    "GET /api/me": [200, me],
    "GET /api/authority": [200, { data: authority }],
    "GET /api/families": [200, { data: [] }],
  });
}

describe("/admin", () => {
  it("tells a manager plainly that they do not have access", async () => {
    const me = meResponse({ role: "manager" });
    serve(me);
    renderApp("/admin");
    expect(
      await screen.findByRole("heading", { name: "You do not have access to administration" }),
    ).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Agencies" })).toBeNull();
  });

  it("lists the administration pages for an administrator", async () => {
    const me = meResponse({ role: "administrator" });
    me.abilities.agency.manage = true;
    me.abilities.user.manage = true;
    me.abilities.authority.manage = true;
    me.abilities.retention_review.list = true;
    serve(me);
    renderApp("/admin");
    expect(await screen.findByRole("heading", { name: "Administration" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Authority settings" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Records due for review" })).toBeTruthy();
  });
});
