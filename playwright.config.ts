import { defineConfig, devices } from "@playwright/test";

// Browser tests run in Debian's Chromium (never `playwright install`) against
// `next start` on a test port. scripts/test.ts prepares a fresh database and the build;
// E2E_DATABASE_URL points at PostgreSQL, or (no server reachable) E2E_DATA_DIR at an
// embedded one.

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `node_modules/.bin/next start -p ${PORT}`,
    url: `${baseURL}/api/papers?limit=1`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      SEED_FROM_HF: "false",
      APP_URL: baseURL,
      PORT: String(PORT),
      LOG_LEVEL: "warn",
      CRON_SECRET: process.env.E2E_CRON_SECRET ?? "e2e-cron-secret",
      ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATABASE_URL: "", DATA_DIR: process.env.E2E_DATA_DIR ?? ".test-data/e2e" }),
    },
  },
});
