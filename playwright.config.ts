import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN_TOKEN, E2E_CRON_SECRET } from "./tests/support/e2e-secrets";

// Browser tests run in Debian's Chromium (never `playwright install`) against the app's
// own server (scripts/server.ts, as `npm start` runs it: client addresses from the socket,
// TRUSTED_PROXY_HOPS=0) on 127.0.0.1 and a test port. scripts/test.ts prepares a fresh database and the build;
// E2E_DATABASE_URL points at PostgreSQL, or (no server reachable) E2E_DATA_DIR at an
// embedded one.

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;
// The fake Hugging Face / arXiv (tests/e2e/fixture-server.ts serving tests/fixtures in the
// real API formats). Its own port, 1000 above the app's unless set, so parallel runs on
// different E2E_PORTs do not collide.
const FIXTURE_PORT = Number(process.env.E2E_FIXTURE_PORT ?? PORT + 1000);
const fixtureURL = `http://127.0.0.1:${FIXTURE_PORT}`;

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
  webServer: [
    {
      command: "node_modules/.bin/tsx tests/e2e/fixture-server.ts",
      url: `${fixtureURL}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { FIXTURE_PORT: String(FIXTURE_PORT) },
    },
    {
      command: "node --import tsx scripts/server.ts",
      url: `${baseURL}/api/papers?limit=1`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        HOSTNAME: "127.0.0.1",
        SEED_FROM_HF: "false",
        APP_URL: baseURL,
        PORT: String(PORT),
        LOG_LEVEL: "warn",
        CRON_SECRET: E2E_CRON_SECRET,
        ADMIN_TOKEN: E2E_ADMIN_TOKEN,
        // On PostgreSQL DATA_DIR still holds the mail outbox (no SMTP_URL here): one per port.
        ...(process.env.E2E_DATABASE_URL
          ? { DATABASE_URL: process.env.E2E_DATABASE_URL, DATA_DIR: process.env.E2E_DATA_DIR ?? `.test-data/e2e-${PORT}` }
          : { DATABASE_URL: "", DATA_DIR: process.env.E2E_DATA_DIR ?? ".test-data/e2e" }),
        HF_API_URL: `${fixtureURL}/api/daily_papers`,
        ARXIV_API_URL: `${fixtureURL}/api/query`,
        ARXIV_RSS_URL: `${fixtureURL}/rss`,
      },
    },
  ],
});
