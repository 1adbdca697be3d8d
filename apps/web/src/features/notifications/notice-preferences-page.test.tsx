import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

function serve(optionalKinds: string[]) {
  const reply = (data: object) => [
    200,
    {
      data: { digestTime: "08:00", emailOff: [], optionalKinds, ...data },
      abilities: meResponse().abilities,
    },
  ];
  return fakeApi({
    "GET /api/me": [200, meResponse()],
    "GET /api/authority": [200, { data: authority }],
    "GET /api/me/notifications/unread-count": [200, { data: { unreadCount: 0 } }],
    "GET /api/me/notice-preferences": reply({}) as [number, unknown],
    "PATCH /api/me/notice-preferences": (call) => reply(call.body as object) as [number, unknown],
  });
}

describe("/account/notifications for each role", () => {
  it("lets anyone stop new-sign-in emails, asking no time of day when nothing comes at one", async () => {
    const api = serve(["new_sign_in"]);
    renderApp("/account/notifications");
    const newSignIn = await screen.findByLabelText(
      "Someone signs in to your account from a browser it has not been used from before",
    );
    expect((newSignIn as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole("combobox")).toBeNull();
    fireEvent.click(newSignIn);
    fireEvent.click(screen.getByRole("button", { name: "Save notification settings" }));
    expect(await screen.findByText("Your notification settings are saved")).toBeTruthy();
    expect(api.callsTo("PATCH", "/api/me/notice-preferences")[0]?.body).toEqual({
      digestTime: "08:00",
      emailOff: ["new_sign_in"],
    });
  });

  it("asks a family member when reminders come, with no daily summary", async () => {
    serve(["action_assigned", "action_changed", "action_due", "new_sign_in"]);
    renderApp("/account/notifications");
    expect(
      await screen.findByLabelText("When should reminders of things due tomorrow come?"),
    ).toBeTruthy();
    expect(screen.queryByText(/daily summary/)).toBeNull();
  });
});
