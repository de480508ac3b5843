/**
 * End-to-end journeys in a real browser (Debian's Chromium; never `playwright install`) against
 * the real server on a fresh demo database, started by test/e2e/serve-test-portal.ts. Build the
 * web portal first (npm run build:web). A missing browser fails the run: it is never skipped.
 */
import { defineConfig } from "@playwright/test";
import { BASE_URL, CHROMIUM_PATH } from "./test/e2e/accounts.ts";

export default defineConfig({
  testDir: "test/e2e",
  testMatch: "*.spec.ts",
  globalSetup: "./test/e2e/global-setup.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    viewport: { width: 1280, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node --import tsx test/e2e/serve-test-portal.ts",
    url: `${BASE_URL}/api/health`,
    // PORTAL_E2E_REUSE=1 runs against a test portal already started by hand (faster iterations).
    reuseExistingServer: process.env.PORTAL_E2E_REUSE === "1",
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
