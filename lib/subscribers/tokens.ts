import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getSigningKey } from "./signing-key";

// Link tokens: "<subscriber id>.<HMAC-SHA256(key, purpose:id:nonce)>" in base64url. Each
// purpose signs differently, so an unsubscribe link (which mailbox providers see in the
// List-Unsubscribe header) cannot open the manage page. Verification compares in constant
// time. What the nonce is depends on the purpose (docs/digest.md, "Links and their lifetimes"):
//   - confirm: the sign-up's random nonce, so a new sign-up voids older links; it expires with
//     the sign-up (7 days, in the database);
//   - manage and unsubscribe: the subscriber's link version, which goes up with every
//     confirmation, so links from before an opt-in stop working; no expiry while it holds.

export type TokenPurpose = "confirm" | "manage" | "unsubscribe";

const SIGNATURE_LENGTH = 43; // 32 bytes in base64url

export const tokenSchema = z
  .string()
  .trim()
  .max(200)
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/, "is not a valid link token");

export interface ParsedToken {
  subscriberId: string;
  signature: string;
}

export function parseToken(token: string): ParsedToken | null {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const [subscriberId, signature] = parsed.data.split(".") as [string, string];
  return { subscriberId, signature };
}

function sign(key: Buffer, purpose: TokenPurpose, subscriberId: string, nonce: string): string {
  return createHmac("sha256", key).update(`${purpose}:${subscriberId}:${nonce}`).digest("base64url");
}

export async function createToken(purpose: TokenPurpose, subscriberId: string, nonce = ""): Promise<string> {
  return `${subscriberId}.${sign(await getSigningKey(), purpose, subscriberId, nonce)}`;
}

/** Synchronous variant for hot loops that already hold the key (digest sending). */
export function createTokenWithKey(key: Buffer, purpose: TokenPurpose, subscriberId: string, nonce = ""): string {
  return `${subscriberId}.${sign(key, purpose, subscriberId, nonce)}`;
}

export async function verifyToken(purpose: TokenPurpose, token: ParsedToken, nonce = ""): Promise<boolean> {
  const expected = Buffer.from(sign(await getSigningKey(), purpose, token.subscriberId, nonce), "base64url");
  const presented = Buffer.from(token.signature, "base64url");
  if (token.signature.length !== SIGNATURE_LENGTH || presented.length !== expected.length) return false;
  // The last of 43 characters has two unused bits, so four spellings decode to the same
  // bytes: only the canonical one is a valid link (it has no length or timing to leak).
  if (presented.toString("base64url") !== token.signature) return false;
  return timingSafeEqual(presented, expected);
}

/**
 * The nonce of manage and unsubscribe links at a link version. Version 0 is the empty nonce,
 * which is how these links were signed before versions existed: links already sent to
 * subscribers who have not confirmed since keep working.
 */
export function linkNonce(linkVersion: number): string {
  return linkVersion === 0 ? "" : `v${linkVersion}`;
}

/** Whether a token was signed for any of the purposes with this nonce. */
export async function verifyTokenForAny(purposes: readonly TokenPurpose[], token: ParsedToken, nonce: string): Promise<boolean> {
  // Check every purpose, so the time taken does not say which one matched.
  let valid = false;
  for (const purpose of purposes) valid = (await verifyToken(purpose, token, nonce)) || valid;
  return valid;
}
