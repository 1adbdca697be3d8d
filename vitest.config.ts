import { defineConfig } from "vitest/config";

/**
 * `pnpm test`: every package's tests in one Vitest process, each package a
 * project with its own vitest.config.ts (named after its package.json), so the
 * CPU never idles between packages. One file still runs from its package:
 * `cd apps/api && pnpm exec vitest run src/path/file.test.ts`.
 */
export default defineConfig({
  test: {
    projects: ["apps/*", "packages/*"],
    // Vitest's default is one worker fewer than the cores: one on a 2-core
    // machine, idle while a test waits on a socket or a child process. Two
    // measured 5 min here against 12+ for one.
    maxWorkers: 2,
  },
});
