import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { renderApp } from "../../testing/render-app";

const signedOut = [
  401,
  { error: { code: "unauthenticated", message: "Please sign in." } },
] as const;
const authorityId = "5b0b7f52-4f5e-4a43-9f63-3f0a4c2d9a11";

describe("single sign-on on the sign-in page", () => {
  it("offers a button per council that goes to the API's start, above the password form", async () => {
    fakeApi({
      "GET /api/me": [...signedOut],
      "GET /api/auth/sso-options": [
        200,
        { data: [{ authorityId, displayName: "Sign in with Northshire Council" }] },
      ],
    });
    renderApp("/sign-in");
    const button = await screen.findByRole("link", { name: "Sign in with Northshire Council" });
    expect(button.getAttribute("href")).toBe(`/api/auth/oidc/start?authority=${authorityId}`);
    expect(screen.getByLabelText("Email address")).toBeTruthy();
  });

  it("shows no button when no council offers it", async () => {
    fakeApi({ "GET /api/me": [...signedOut], "GET /api/auth/sso-options": [200, { data: [] }] });
    renderApp("/sign-in");
    await screen.findByLabelText("Email address");
    expect(screen.queryByText(/Staff of a council/)).toBeNull();
  });

  it("says in plain words why a single sign-on came back", async () => {
    fakeApi({ "GET /api/me": [...signedOut] });
    renderApp("/sign-in?error=sso_no_account");
    expect(
      await screen.findByText(
        /There is no active Teamaround staff account for your council's account/,
      ),
    ).toBeTruthy();
  });
});
