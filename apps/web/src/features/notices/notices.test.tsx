import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const link = "http://127.0.0.1:3000/set-password?token=abcdefghijklmnopqrstuvwxyz234567";
const message = (n: number) => ({
  noticeId: `6a0e3c4e-0000-4000-8000-00000000000${n}`,
  kind: "staff_invitation",
  to: `person${n}@example.test`,
  from: "Teamaround <notices@teamaround.invalid>",
  messageId: `<${n}@127.0.0.1>`,
  subject: "Set your Teamaround password",
  body: `An administrator has set up a Teamaround account for you.\n\nChoose your password here:\n${link}`,
  storedAt: "2026-03-02T10:15:00.000Z",
});

function administrator() {
  const me = meResponse({ role: "administrator" });
  me.abilities.user.manage = true;
  me.abilities.notice_outbox.read = true;
  return me;
}

describe("/admin/outbox", () => {
  it("shows each kept message as it would have been sent, its link working, and older ones on request", async () => {
    const api = fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/authority": [200, { data: authority }],
      "GET /api/admin/outbox": (call) =>
        new URL(call.url).searchParams.get("before")
          ? [200, { transport: "local", data: [message(2)], nextBefore: null }]
          : [
              200,
              { transport: "local", data: [message(1)], nextBefore: "2026-03-02T10:15:00.000Z" },
            ],
    });
    renderApp("/admin/outbox");
    expect(await screen.findByRole("heading", { name: "Sent notices", level: 1 })).toBeTruthy();
    expect(screen.getByText("person1@example.test")).toBeTruthy();
    expect(screen.getByRole("link", { name: link }).getAttribute("href")).toBe(link);
    fireEvent.click(screen.getByRole("button", { name: "Show older messages" }));
    expect(await screen.findByText("person2@example.test")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Show older messages" })).toBeNull();
    const older = api.calls.filter((c) => c.path === "/api/admin/outbox").at(-1);
    expect(older?.url).toContain("before=2026-03-02T10%3A15%3A00.000Z");
  });

  it("says where notices go when they are sent, not kept", async () => {
    fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/authority": [200, { data: authority }],
      "GET /api/admin/outbox": [200, { transport: "smtp", data: [], nextBefore: null }],
    });
    renderApp("/admin/outbox");
    expect(
      await screen.findByText(/sends its notices by email through the mail server/),
    ).toBeTruthy();
  });

  it("is listed under Administration for an administrator", async () => {
    fakeApi({
      "GET /api/me": [200, administrator()],
      "GET /api/authority": [200, { data: authority }],
    });
    renderApp("/admin");
    expect(await screen.findByRole("link", { name: "Sent notices" })).toBeTruthy();
  });
});

describe("/account/messages", () => {
  it("shows a parent, in demo mode, the emails that would have been sent to them", async () => {
    fakeApi({
      "GET /api/me": [200, meResponse({ role: "family_member" })],
      "GET /api/authority": [200, { data: authority }],
      "GET /api/me/outbox": [
        200,
        {
          data: [
            {
              ...message(3),
              kind: "password_changed",
              subject: "Your Teamaround password was set",
            },
          ],
          nextBefore: null,
        },
      ],
    });
    renderApp("/account/messages");
    const card = await screen.findByRole("heading", {
      name: "Your Teamaround password was set",
    });
    expect(
      within(card.closest(".govuk-summary-card") as HTMLElement).getByText("Password changed"),
    ).toBeTruthy();
    expect(screen.getByText(/This is a demonstration/)).toBeTruthy();
  });

  it("says there is nothing to show when emails are really sent", async () => {
    fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
      "GET /api/me/outbox": [404, { error: { code: "not_found", message: "No demo outbox." } }],
    });
    renderApp("/account/messages");
    expect(await screen.findByText(/sends its emails to your email address/)).toBeTruthy();
  });
});
