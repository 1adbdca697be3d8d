import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { e2eEnv } from "./env";

/** Debian's Chromium; the suite never downloads a browser. */
export const chromiumPath = e2eEnv.chromium ?? "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);

const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args, headless: true });
}

/** Problems a page reported that no test expects: CSP refusals and uncaught errors. */
export const pageProblems: string[] = [];

/** A fresh browser context (its own cookies: one person), desktop-sized unless told. */
export async function newPerson(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (error) => pageProblems.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      pageProblems.push(`${page.url()}: ${message.text()}`);
    }
  });
  return { context, page };
}
