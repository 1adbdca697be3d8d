import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../testing/fake-api";
import { authority, familyId, meResponse } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";

const actionId = "0b9b6f0e-7d0a-4c1e-9a53-2f6a4d0c1e11";
const notice = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: `6a0e3c4e-0000-4000-8000-00000000000${n}`,
  kind: "action_assigned",
  title: "You have a new action",
  summary: "Due 10 March 2026.",
  createdAt: "2026-03-02T10:15:00.000Z",
  read: false,
  link: `/families/${familyId}/outcomes#action-${actionId}`,
  accessEnded: false,
  familyName: "The Ashdown family",
  actionText: "Ring the school",
  ...overrides,
});
const page = (data: unknown[], unreadCount: number) => ({
  data,
  unreadCount,
  next: null,
  abilities: meResponse().abilities,
});

describe("/notifications", () => {
  it("lists my notices, links to the thing, and marks one and all read", async () => {
    let unread = 2;
    const api = fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
      "GET /api/me/notifications/unread-count": () => [200, { data: { unreadCount: unread } }],
      "GET /api/me/notifications": () => [
        200,
        page(
          [
            notice(1, { read: unread === 0 }),
            notice(2, {
              read: unread < 2,
              title: "An action of yours is due tomorrow",
              link: null,
              accessEnded: true,
              familyName: null,
              actionText: null,
            }),
          ],
          unread,
        ),
      ],
      [`POST /api/me/notifications/${notice(2).id}/read`]: () => {
        unread = 1;
        return [200, { data: { unreadCount: 1 } }];
      },
      "POST /api/me/notifications/read-all": () => {
        unread = 0;
        return [200, { data: { unreadCount: 0 } }];
      },
    });
    renderApp("/notifications");
    expect(await screen.findByRole("heading", { name: "Notifications", level: 1 })).toBeTruthy();
    expect(screen.getByText("You have 2 unread notifications.")).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Menu" });
    expect(within(nav).getByRole("link", { name: /Notifications\s*2 unread/ })).toBeTruthy();

    const link = screen.getByRole("link", { name: "You have a new action" });
    expect(link.getAttribute("href")).toBe(`/families/${familyId}/outcomes#action-${actionId}`);
    expect(screen.getByText("The Ashdown family: Ring the school")).toBeTruthy();
    // Access ended: the heading only, no link, no family.
    expect(screen.queryByRole("link", { name: "An action of yours is due tomorrow" })).toBeNull();
    expect(screen.getByText("You can no longer see the family this was about.")).toBeTruthy();

    fireEvent.click(
      screen.getByRole("button", { name: /^Mark as read\s*: An action of yours is due tomorrow$/ }),
    );
    expect(await screen.findByText("You have 1 unread notification.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Mark all as read" }));
    expect(await screen.findByText("You have no unread notifications.")).toBeTruthy();
    expect(within(nav).queryByText(/unread/)).toBeNull();
    expect(api.callsTo("POST", "/api/me/notifications/read-all")[0]?.body).toEqual({});
  });
});

describe("/account/notifications", () => {
  it("turns emails off and chooses the summary's time", async () => {
    const api = fakeApi({
      "GET /api/me": [200, meResponse()],
      "GET /api/authority": [200, { data: authority }],
      "GET /api/me/notifications/unread-count": [200, { data: { unreadCount: 0 } }],
      "GET /api/me/notice-preferences": [
        200,
        {
          data: {
            digestTime: "08:00",
            emailOff: [],
            optionalKinds: ["action_assigned", "action_changed", "action_due", "daily_digest"],
          },
          abilities: meResponse().abilities,
        },
      ],
      "PATCH /api/me/notice-preferences": (call) => [
        200,
        {
          data: {
            ...(call.body as object),
            optionalKinds: ["action_assigned", "action_changed", "action_due", "daily_digest"],
          },
          abilities: meResponse().abilities,
        },
      ],
    });
    renderApp("/account/notifications");
    expect(
      await screen.findByRole("heading", { name: "Notification settings", level: 1 }),
    ).toBeTruthy();
    fireEvent.click(screen.getByLabelText("An action of yours is due tomorrow"));
    fireEvent.change(screen.getByLabelText("When should your daily summary and reminders come?"), {
      target: { value: "07:00" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save notification settings" }));
    expect(await screen.findByText("Your notification settings are saved")).toBeTruthy();
    expect(api.callsTo("PATCH", "/api/me/notice-preferences")[0]?.body).toEqual({
      digestTime: "07:00",
      emailOff: ["action_due"],
    });
  });
});
