// The secrets the browser tests' server runs with (playwright.config.ts) and the specs that
// call it send: one definition, so a spec cannot drift from the server. At least 32
// characters, as lib/env.ts requires.
export const E2E_CRON_SECRET = process.env.E2E_CRON_SECRET ?? "e2e-cron-secret-0123456789abcdef0123";
export const E2E_ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef0123";
