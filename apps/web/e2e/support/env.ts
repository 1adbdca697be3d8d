/** What the e2e suite reads from its environment (the only place it does). */
export const e2eEnv = {
  /** Passed on to the server it starts, less what it sets itself. */
  inherited: process.env,
  /** Another Chromium than Debian's, e.g. on a developer's machine. */
  chromium: process.env.TEAMAROUND_CHROMIUM,
  /** Run against a server already running at this origin instead of starting one (for debugging). */
  origin: process.env.TEAMAROUND_E2E_ORIGIN,
  /** Write the README's screenshots to docs/screenshots (otherwise to a temporary folder). */
  updateScreenshots: process.env.TEAMAROUND_E2E_SCREENSHOTS === "update",
};
