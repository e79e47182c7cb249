/**
 * The installation's customer-key salt, created once. Two first callers (two tabs hashing a customer at
 * the same moment after install) used to each find no salt, make one, and the second write replaced the
 * first — keys hashed with the lost salt never matched again. Here every caller shares one promise.
 * Browser-free so the race is unit-tested in Node.
 */
import { normalizeSaltValue } from '../core/settings/policy';
import { CONFIG_KEYS } from '../storage/config-repo';
import type { ConfigBackend } from './config-migrate';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export interface SaltKeeper {
  /** The policy salt when valid, else this installation's own (created on first use). */
  current(): Promise<string>;
  /** The installation's own salt (null before first use); for the options page. */
  local(): Promise<string | null>;
  /** Replaces the installation's own salt (options page, team bundle); `salt` must be normalised. */
  set(salt: string): Promise<void>;
}

export function createSaltKeeper(config: ConfigBackend, policySalt: () => Promise<string | null>): SaltKeeper {
  let own: Promise<string> | null = null;
  const ownSalt = (): Promise<string> => {
    if (!own) {
      own = (async () => {
        const stored = await config.read(CONFIG_KEYS.salt);
        // Any stored non-empty string is kept as is: salts from before hex checking must hash the same.
        if (typeof stored === 'string' && stored !== '') return stored;
        const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
        await config.write(CONFIG_KEYS.salt, salt);
        return salt;
      })();
      // A failed read/write must not poison every later call.
      own.catch(() => (own = null));
    }
    return own;
  };
  return {
    async current() {
      return (await policySalt()) ?? ownSalt();
    },
    async local() {
      const stored = await config.read(CONFIG_KEYS.salt);
      return typeof stored === 'string' && stored !== '' ? stored : null;
    },
    async set(salt) {
      const s = normalizeSaltValue(salt);
      if (s === null) throw new Error('The salt must be 16 to 128 hexadecimal characters');
      await config.write(CONFIG_KEYS.salt, s);
      own = Promise.resolve(s);
    },
  };
}
