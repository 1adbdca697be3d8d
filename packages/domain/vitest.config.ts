import { defineConfig } from "vitest/config";

// Its own config, so Vitest run here does not pick up the root one (every project).
export default defineConfig({ test: {} });
