import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Built into dist/ (the host copies it beside its binaries and serves it at /); hashed files go to assets/, which the
// host caches for a year. In development the API is proxied so the app stays same-origin, as it is when served.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", assetsDir: "assets", emptyOutDir: true },
  server: { proxy: { "/api": "http://127.0.0.1:5080" } },
});
