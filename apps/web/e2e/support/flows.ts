import type { Page } from "playwright-core";
import { scanPage } from "./axe";

export const demoPassword = "demo-password-2026";

/** Waits for the page's h1 to read `heading`, then runs axe on it. */
export async function arrive(page: Page, heading: string | RegExp, name?: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await scanPage(page, name ?? String(heading));
}

export async function signIn(page: Page, origin: string, email: string, password = demoPassword) {
  await page.goto(`${origin}/sign-in`);
  await arrive(page, "Sign in to Teamaround", "Sign in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A date n days from today as the GOV.UK date boxes take it. */
export function dayParts(daysFromNow: number): { day: string; month: string; year: string } {
  const d = new Date(Date.now() + daysFromNow * 86_400_000);
  return {
    day: String(d.getDate()),
    month: String(d.getMonth() + 1),
    year: String(d.getFullYear()),
  };
}

/** Fills the Day, Month and Year boxes inside the fieldset with this legend. */
export async function fillDate(page: Page, legend: string | RegExp, daysFromNow: number) {
  const group = page.getByRole("group", { name: legend });
  const parts = dayParts(daysFromNow);
  await group.getByLabel("Day").fill(parts.day);
  await group.getByLabel("Month").fill(parts.month);
  await group.getByLabel("Year").fill(parts.year);
}

/** The text a section editor holds (without other people's caret labels). */
export function sectionText(page: Page, documentKind: string, section: string): Promise<string> {
  return page
    .locator(`[data-document="${documentKind}"] [data-section="${section}"]`)
    .evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll(".app-caret")) caret.remove();
      return (copy.textContent ?? "").trim();
    });
}

/** Polls until `check` passes or `ms` go by; answers how long it took. */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${ms} ms`);
}
