/**
 * The worker's side of signed outbox entries (the page's side is src/messaging/outbox-mac.ts, which this
 * reuses for the MAC itself): issuing a key per interaction and checking an entry's MAC.
 */
import { macOf } from '../messaging/outbox-mac';

export function newMacKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** True when `mac` is the HMAC of `json` under `keyHex`; compares without an early exit. */
export async function macMatches(keyHex: string, json: string, mac: string): Promise<boolean> {
  const expected = await macOf(keyHex, json);
  if (expected.length !== mac.length) return false;
  let diff = 0;
  for (let i = 0; i < mac.length; i++) diff |= expected.charCodeAt(i) ^ mac.charCodeAt(i);
  return diff === 0;
}
