import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

// The key that signs manage, unsubscribe and confirmation links. APP_SECRET when set;
// otherwise a random key generated once and kept in app_settings, so links keep working
// across restarts and every instance (web servers, `npm run worker`) signs with the same key.

const SETTING_KEY = "link_signing_key";
const GLOBAL_KEY = Symbol.for("paperpulse.linkSigningKey");
type GlobalWithKey = typeof globalThis & { [GLOBAL_KEY]?: Promise<Buffer> };

export function getSigningKey(): Promise<Buffer> {
  const store = globalThis as GlobalWithKey;
  if (!store[GLOBAL_KEY]) {
    const loading = loadSigningKey();
    store[GLOBAL_KEY] = loading;
    loading.catch(() => {
      if (store[GLOBAL_KEY] === loading) delete store[GLOBAL_KEY];
    });
  }
  return store[GLOBAL_KEY];
}

/** Tests switch databases and APP_SECRET between files. */
export function forgetSigningKeyForTests(): void {
  delete (globalThis as GlobalWithKey)[GLOBAL_KEY];
}

async function loadSigningKey(): Promise<Buffer> {
  const secret = getEnv().APP_SECRET;
  if (secret) return Buffer.from(secret, "utf8");
  const db = await getDb();
  // Two instances starting together both insert; the first wins and both read its key.
  const candidate = randomBytes(32).toString("base64url");
  await db.$executeRaw`INSERT INTO app_settings (key, value, updated_at) VALUES (${SETTING_KEY}, to_jsonb(${candidate}::text), now()) ON CONFLICT (key) DO NOTHING`;
  const row = await db.appSetting.findUniqueOrThrow({ where: { key: SETTING_KEY } });
  if (typeof row.value !== "string" || row.value.length < 32) throw new Error(`app_settings.${SETTING_KEY} is not a usable key`);
  return Buffer.from(row.value, "utf8");
}
