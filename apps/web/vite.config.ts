import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Where the API (and later the realtime server) listens while developing. */
const apiTarget = process.env.TEAMAROUND_API_URL ?? "http://127.0.0.1:3000";

const proxy = {
  "/api": { target: apiTarget },
  "/yjs": { target: apiTarget, ws: true },
  "/socket.io": { target: apiTarget, ws: true },
};

/** The API's content security policy, so `vite preview` shows what production will refuse. */
const productionCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@govuk-assets": fileURLToPath(
        new URL("./node_modules/govuk-frontend/dist/govuk/assets", import.meta.url),
      ),
    },
  },
  css: {
    preprocessorOptions: {
      scss: { quietDeps: true, loadPaths: ["node_modules"] },
    },
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  preview: {
    host: "127.0.0.1",
    port: 4173,
    strictPort: true,
    proxy,
    headers: { "content-security-policy": productionCsp },
  },
  // GOV.UK Frontend keeps an old IE media-query hack that lightningcss refuses to minify.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, cssMinify: "esbuild" },
});
