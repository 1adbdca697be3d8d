import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

function administrator() {
  const me = meResponse({ role: "administrator" });
  me.abilities.authority.manage = true;
  return me;
}

const unset = {
  issuer: null,
  clientId: null,
  displayName: null,
  requireStaffSso: false,
  clientSecretVariable: null,
  clientSecretConfigured: false,
  callbackUrl: "https://tac.example.gov.uk/api/auth/oidc/callback",
  version: 4,
};
const path = "/api/authority/single-sign-on";

describe("the authority's single sign-on settings", () => {
  it("show the redirect URI and where the secret goes, and save the fields with the version", async () => {
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      [`GET ${path}`]: [200, { data: unset }],
      [`PATCH ${path}`]: (call) => [200, { data: { ...unset, ...(call.body as object) } }],
    });
    renderApp("/admin/single-sign-on");
    expect(await screen.findByText(unset.callbackUrl)).toBeTruthy();
    expect(screen.getByText(/Ask whoever runs the server to set OIDC_CLIENT_SECRET/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Issuer URL"), {
      target: { value: " https://login.microsoftonline.com/tenant/v2.0 " },
    });
    fireEvent.change(screen.getByLabelText("Client ID"), { target: { value: "teamaround" } });
    fireEvent.change(screen.getByLabelText("Words on the sign-in button"), {
      target: { value: "Sign in with Northshire Council" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save single sign-on" }));
    await waitFor(() => expect(api.callsTo("PATCH", path)).toHaveLength(1));
    expect(api.callsTo("PATCH", path)[0]?.body).toEqual({
      version: 4,
      issuer: "https://login.microsoftonline.com/tenant/v2.0",
      clientId: "teamaround",
      displayName: "Sign in with Northshire Council",
      requireStaffSso: false,
    });
  });

  it("shows the API's refusal to require single sign-on beside the question", async () => {
    const message = "Set the issuer and the client id before requiring it.";
    fakeApi({
      "GET /api/me": [200, administrator()],
      [`GET ${path}`]: [200, { data: unset }],
      [`PATCH ${path}`]: [
        422,
        {
          error: {
            code: "unprocessable",
            message,
            details: [{ path: "requireStaffSso", message }],
          },
        },
      ],
    });
    renderApp("/admin/single-sign-on");
    fireEvent.click(await screen.findByLabelText("Yes"));
    fireEvent.click(screen.getByRole("button", { name: "Save single sign-on" }));
    expect((await screen.findAllByText(message)).length).toBeGreaterThan(0);
  });
});
