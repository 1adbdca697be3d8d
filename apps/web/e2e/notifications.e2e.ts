import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { scanPage, scans, violationReport } from "./support/axe";
import { hasChromium, newPerson, openSockets, pageProblems } from "./support/browser";
import { arrive, fillDate, signIn } from "./support/flows";
import { tellStory } from "./support/story";

/**
 * In-app notifications, told in order against one real server with the demo
 * data: Sam Okafor (the Ashdown family's health visitor) has Teamaround open;
 * Jordan Hale, the family's lead, gives Sam an action; Sam's unread count
 * rises on the page already open, without a reload; Sam opens the list, follows
 * the notice to the action; Jordan books a 90-minute meeting with Sam and then
 * shortens it, and Sam follows its notice to that meeting's row on the
 * meetings page; Sam looks at which notifications come by email.
 */
const patiently = { timeout: 30_000 };

/** The header's unread count (0 when none is shown). */
async function unreadCount(page: Page): Promise<number> {
  const badge = page.getByRole("navigation", { name: "Menu" }).getByTestId("unread-count");
  if ((await badge.count()) === 0) return 0;
  const text = (await badge.textContent()) ?? "";
  return Number(/\d+/.exec(text)?.[0] ?? "0");
}

describe.skipIf(!hasChromium)("Notifications in a browser", () => {
  let origin = "";
  let browser: Browser;
  let practitioner: Page;
  let lead: Page;
  let before = 0;
  let familyPath = "";
  const actionText = `Ring the school nurse about inhalers ${Date.now()}`;

  tellStory({
    name: "notifications",
    people: () => ({ practitioner, lead }),
    ready: (setting) => {
      ({ origin, browser } = setting);
    },
  });

  it("1. the practitioner has Teamaround open, with the header's notifications", async () => {
    ({ page: practitioner } = await newPerson(browser));
    await signIn(practitioner, origin, "health@demo.teamaround.test");
    await arrive(practitioner, "My work", "My work (practitioner, notifications in the header)");
    await practitioner
      .getByRole("navigation", { name: "Menu" })
      .getByRole("link", { name: /^Notifications/ })
      .waitFor();
    // The live connection for the count is open.
    await expect.poll(() => openSockets(practitioner), patiently).toBeGreaterThanOrEqual(1);
    before = await unreadCount(practitioner);
    // Anything still on this page afterwards shows the page was never reloaded.
    await practitioner.evaluate(() => {
      (window as unknown as { e2eNotReloaded: boolean }).e2eNotReloaded = true;
    });
  });

  it("2. the lead gives the practitioner an action; the practitioner's count rises without a reload", async () => {
    ({ page: lead } = await newPerson(browser));
    await signIn(lead, origin, "lead@demo.teamaround.test");
    await arrive(lead, "My work");
    await lead.getByRole("link", { name: "The Ashdown family" }).first().click();
    await lead.waitForURL(/\/families\/[0-9a-f-]{36}/);
    familyPath = new URL(lead.url()).pathname.match(/^\/families\/[0-9a-f-]{36}/)?.[0] ?? "";
    expect(familyPath).toBeTruthy();
    await lead.goto(`${origin}${familyPath}/outcomes`);
    await arrive(lead, "Outcomes and actions");
    await lead
      .getByRole("link", { name: /Add an action/ })
      .first()
      .click();
    await arrive(lead, "Add an action");
    await lead.getByLabel("What will happen?").fill(actionText);
    await lead.getByRole("group", { name: "Who will do it?" }).getByLabel("Sam Okafor").check();
    await fillDate(lead, "By when?", 7);
    await lead.getByRole("button", { name: "Add action" }).click();
    await arrive(lead, "Outcomes and actions", "Outcomes and actions (action for Sam)");

    await expect.poll(() => unreadCount(practitioner), patiently).toBeGreaterThan(before);
    expect(
      await practitioner.evaluate(
        () => (window as unknown as { e2eNotReloaded?: boolean }).e2eNotReloaded,
      ),
    ).toBe(true);
    await scanPage(practitioner, "My work (unread count risen)");
  });

  it("3. the practitioner opens the list and follows the notice to the action", async () => {
    await practitioner
      .getByRole("navigation", { name: "Menu" })
      .getByRole("link", { name: /^Notifications/ })
      .click();
    await arrive(practitioner, "Notifications");
    const newest = practitioner.locator(".app-notifications__item").first();
    await newest.getByText(actionText, { exact: false }).waitFor();
    await newest.getByText("New", { exact: true }).waitFor();
    const counted = await unreadCount(practitioner);
    await newest.getByRole("link", { name: "You have a new action" }).click();
    await arrive(practitioner, "Outcomes and actions", "Outcomes and actions (from a notice)");
    await practitioner.locator("li.app-card", { hasText: actionText }).waitFor();
    expect(new URL(practitioner.url()).hash).toMatch(/^#action-[0-9a-f-]{36}$/);
    // Following it marked it read.
    await expect.poll(() => unreadCount(practitioner), patiently).toBe(counted - 1);
  });

  it("4. the lead books a 90-minute meeting with the practitioner, then shortens it; the notice leads to its row", async () => {
    await lead.goto(`${origin}${familyPath}/meetings`);
    await arrive(lead, "Meetings");
    await lead.getByRole("link", { name: "Schedule a meeting" }).click();
    await arrive(lead, "Schedule a meeting");
    await fillDate(lead, "What day is it?", 12);
    await lead.getByLabel("What time does it start?").fill("14:00");
    await lead.getByLabel("How long is it?").selectOption({ label: "1 hour 30 minutes" });
    await lead.getByRole("group", { name: "Who is invited?" }).getByLabel("Sam Okafor").check();
    await lead.getByRole("button", { name: "Book the meeting" }).click();
    await arrive(lead, "Meetings", "Meetings (a meeting booked)");
    const booked = lead.locator("tr[id^='meeting-']", { hasText: "1 hour 30 minutes" }).first();
    const anchor = (await booked.getAttribute("id")) ?? "";
    expect(anchor).toMatch(/^meeting-[0-9a-f-]{36}$/);
    await booked.getByRole("link", { name: /Change the time or length/ }).click();
    await arrive(lead, "Change the time or length of a meeting");
    await lead.getByLabel("How long is it?").selectOption({ label: "1 hour" });
    await lead.getByRole("button", { name: "Save and tell everyone invited" }).click();
    await arrive(lead, "Meetings", "Meetings (a meeting moved)");
    await lead.locator(`#${anchor}`, { hasText: "1 hour" }).waitFor();

    await practitioner.goto(`${origin}/notifications`);
    await arrive(practitioner, "Notifications", "Notifications (a meeting)");
    const moved = practitioner.getByRole("link", { name: "Moved: Team Around the Family meeting" });
    await moved.first().waitFor(patiently);
    expect(await moved.first().getAttribute("href")).toBe(`${familyPath}/meetings#${anchor}`);
    await moved.first().click();
    await arrive(practitioner, "Meetings", "Meetings (from a notice)");
    // The meeting's row is brought into view and has the focus.
    await expect
      .poll(() => practitioner.evaluate(() => document.activeElement?.id ?? ""), patiently)
      .toBe(anchor);
    expect(new URL(practitioner.url()).hash).toBe(`#${anchor}`);
  });

  it("5. the practitioner chooses which notifications also come by email", async () => {
    await practitioner
      .getByRole("navigation", { name: "Menu" })
      .getByRole("link", { name: "Your account" })
      .click();
    await arrive(practitioner, "Your account");
    await practitioner.getByRole("link", { name: "Notification settings" }).click();
    await arrive(practitioner, "Notification settings");
    await practitioner.getByLabel("An action of yours is due tomorrow").uncheck();
    await practitioner.getByRole("button", { name: "Save notification settings" }).click();
    await practitioner.getByText("Your notification settings are saved").waitFor();
    await scanPage(practitioner, "Notification settings (saved)");
  });

  it("6. every page visited has no accessibility violations (axe, WCAG 2.2 AA) and no CSP refusals", () => {
    expect(scans.length).toBeGreaterThan(6);
    expect(violationReport()).toEqual([]);
    expect(pageProblems).toEqual([]);
  });
});
