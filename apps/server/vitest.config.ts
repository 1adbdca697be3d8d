import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    // Room for a machine four times slower: these tests go through HTTP, the
    // realtime server and the database several times in a row.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
