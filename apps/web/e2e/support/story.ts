import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { launchBrowser } from "./browser";
import { e2eEnv } from "./env";
import { failuresDir, makeScreenshotsDir } from "./screenshots";
import { buildWeb, type RunningServer, startServer } from "./server";

export interface StorySetting {
  origin: string;
  browser: Browser;
}

/**
 * The hooks every browser story shares: one real server (or the one at
 * TEAMAROUND_E2E_ORIGIN) and one browser for the whole story, and a picture
 * of each person's page when a step fails, for whoever reads the failure.
 * `ready` hands the story its origin and browser once both are up.
 */
export function tellStory(input: {
  name: string;
  people: () => Record<string, Page | undefined>;
  ready: (setting: StorySetting) => void;
  /** Extra Chromium flags for this story only. */
  browserArgs?: string[];
}): void {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    let origin = e2eEnv.origin;
    if (!origin) {
      buildWeb();
      server = await startServer();
      origin = server.origin;
    }
    browser = await launchBrowser(input.browserArgs);
    makeScreenshotsDir();
    input.ready({ origin, browser });
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      for (const [person, page] of Object.entries(input.people())) {
        await page
          ?.screenshot({
            path: `${failuresDir}/e2e-${input.name}-failed-${person}.png`,
            fullPage: true,
          })
          .catch(() => undefined);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}
