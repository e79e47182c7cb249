/**
 * Outbox entries are signed. `storage.local` is shared by every content script — a compromised renderer
 * on another helpdesk can read and write it — so the worker's outbox drain accepts an entry only when its
 * HMAC-SHA256 verifies with the key the worker issued for that interaction to the tab that opened it.
 * The key lives in the page's memory and the worker's database, never in `storage.local`.
 * The worker's side (key issue, verification) is src/background/mac-keys.ts; this file is the signing
 * side only, so the content script bundles nothing more.
 */

/** What an outbox entry holds: the event as JSON text (exactly what was signed) and its MAC (hex). */
export interface SignedEntry {
  readonly json: string;
  readonly mac: string;
}

const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

function keyFrom(keyHex: string): Promise<CryptoKey> {
  const bytes = new Uint8Array((keyHex.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)));
  return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export async function macOf(keyHex: string, json: string): Promise<string> {
  return hex(await crypto.subtle.sign('HMAC', await keyFrom(keyHex), new TextEncoder().encode(json)));
}

