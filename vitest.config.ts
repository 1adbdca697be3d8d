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
  },
});
