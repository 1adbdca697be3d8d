import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { e2eEnv } from "./env";

/** Where a failing step's pages are pictured, for whoever reads the failure. */
export const failuresDir = tmpdir();

/** The README's pictures are rewritten only when asked (`pnpm test:e2e:screenshots`). */
export const screenshotsDir = e2eEnv.updateScreenshots
  ? fileURLToPath(new URL("../../../../docs/screenshots/", import.meta.url))
  : join(tmpdir(), "teamaround-e2e-screenshots");

export function makeScreenshotsDir(): void {
  mkdirSync(screenshotsDir, { recursive: true });
}
