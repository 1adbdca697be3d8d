import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    // Room for a machine four times slower: a test here makes several real
    // connections and round trips in a row, each of which may wait on the database.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
