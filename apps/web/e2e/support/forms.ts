import type { Locator, Page } from "playwright-core";

/** Chooses the first option whose text contains `text` (the options may still be loading). */
export async function chooseOption(select: Locator, text: string | RegExp): Promise<void> {
  const option = select.locator("option", { hasText: text }).first();
  await option.waitFor({ state: "attached" });
  const value = await option.getAttribute("value");
  if (value === null) throw new Error(`the option "${text}" has no value`);
  await select.selectOption({ value });
}

/** Checks the radio or checkbox with exactly this label inside the fieldset with this legend. */
export async function choose(page: Page, legend: string | RegExp, label: string): Promise<void> {
  await page.getByRole("group", { name: legend }).getByLabel(label, { exact: true }).check();
}

/** Waits for the GOV.UK error summary a form shows when answers are missing. */
export async function problemsShown(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "There is a problem" }).waitFor();
}
