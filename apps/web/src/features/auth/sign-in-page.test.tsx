import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, family, familyId, meResponse, noAbilities } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";
import { safeNext } from "./sign-in-page";

const signedOut = [
  401,
  { error: { code: "unauthenticated", message: "Please sign in." } },
] as const;

describe("signing in", () => {
  it("shows a wrong password in the error summary, focused, and stays on the page", async () => {
    fakeApi({
      "GET /api/me": [...signedOut],
      "POST /api/auth/sign-in": [
        401,
        { error: { code: "unauthenticated", message: "The email or password is not right." } },
      ],
    });
    const { router } = renderApp("/sign-in");
    fireEvent.change(await screen.findByLabelText("Email address"), {
      target: { value: "lead@example.test" },
    });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "wrong" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    const summary = await screen.findByText("The email or password is not right.");
    await waitFor(() =>
      expect(document.activeElement).toBe(summary.closest(".govuk-error-summary")),
    );
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(document.title).toBe("Error: Sign in – Teamaround");
  });

  it("asks for the code when the account has a second factor", async () => {
    fakeApi({
      "GET /api/me": [...signedOut],
      "POST /api/auth/sign-in": [
        200,
        {
          data: {
            user: { id: "u", displayName: "J", role: "practitioner" },
            secondFactorRequired: true,
            totpEnrolmentRequired: false,
          },
        },
      ],
    });
    renderApp("/sign-in");
    fireEvent.change(await screen.findByLabelText("Email address"), {
      target: { value: "lead@example.test" },
    });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "right" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(
      await screen.findByLabelText("Enter the security code from your authenticator app"),
    ).toBeTruthy();
  });

  it("only returns to paths inside the app afterwards", () => {
    expect(safeNext("/families/x/team")).toBe("/families/x/team");
    expect(safeNext("//evil.example")).toBeUndefined();
    expect(safeNext("https://evil.example")).toBeUndefined();
  });
});

describe("a session that ends while in use", () => {
  it("clears every cached response and goes back to sign in", async () => {
    let signedIn = true;
    fakeApi({
      "GET /api/me": () => (signedIn ? [200, meResponse()] : [...signedOut]),
      "GET /api/authority": [200, { data: authority }],
      [`GET /api/families/${familyId}`]: () =>
        signedIn ? [200, { data: family, abilities: noAbilities() }] : [...signedOut],
      [`GET /api/families/${familyId}/team`]: () =>
        signedIn ? [200, { data: [], abilities: noAbilities() }] : [...signedOut],
    });
    const { router, queryClient } = renderApp(`/families/${familyId}/team`);
    expect(await screen.findByRole("heading", { name: "Team" })).toBeTruthy();
    signedIn = false;
    await queryClient.invalidateQueries({ queryKey: ["family", familyId] });
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(queryClient.getQueryData(["family", familyId, "summary"])).toBeUndefined();
    expect(
      await screen.findByText("You have been signed out. Sign in again to carry on."),
    ).toBeTruthy();
  });
});
