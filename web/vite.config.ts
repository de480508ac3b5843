/** The web portal's build: root web/, output web/dist, and /api proxied to a local portal in dev. */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL("./dist", import.meta.url)), emptyOutDir: true },
  server: {
    proxy: { "/api": "http://localhost:3000" },
    // The web code imports the pure domain enums from src/core.
    fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] },
  },
});
