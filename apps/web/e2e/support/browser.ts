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

/** Chromium, with a story's own extra flags (the call's fake camera and microphone). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [...args, ...extraArgs],
    headless: true,
  });
}

const sockets = new WeakMap<Page, Set<unknown>>();

/** How many WebSockets the page has open now (Yjs documents, the meeting socket). */
export function openSockets(page: Page): number {
  return sockets.get(page)?.size ?? 0;
}

/** What the page keeps in browser storage: nothing about a family may be there, so nothing at all. */
export async function storedInBrowser(page: Page): Promise<string[]> {
  const entries = await page.evaluate(async () => [
    ...Object.entries(localStorage).map(([k, v]) => ["localStorage", k, v]),
    ...Object.entries(sessionStorage).map(([k, v]) => ["sessionStorage", k, v]),
    ...(await indexedDB.databases()).map((d) => ["indexedDB", d.name ?? "", ""]),
  ]);
  return entries.map(([area, key, value]) => `${area}:${key}=${value?.slice(0, 200)}`);
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
  watch(page);
  return { context, page };
}

/** Another tab for the same person. */
export async function newTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  watch(page);
  return page;
}

function watch(page: Page): void {
  page.setDefaultTimeout(15_000);
  const open = new Set<unknown>();
  sockets.set(page, open);
  page.on("websocket", (socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  // A new document (page.goto, a reload) takes the old document's sockets with it, but
  // Chromium reports no "close" for them: count only the sockets of the page as it is.
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) open.clear();
  });
  page.on("pageerror", (error) => pageProblems.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      pageProblems.push(`${page.url()}: ${message.text()}`);
    }
  });
}
