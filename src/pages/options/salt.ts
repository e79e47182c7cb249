/**
 * The customer-key salt (kept by the worker in its config store): hex, 16–128 characters, the same check the worker
 * applies to a managed salt (src/core/settings/policy.ts).
 */
export const SALT_PATTERN = /^[0-9a-f]{16,128}$/;

/** The salt as stored (trimmed, lower-case), or null when it is not 16–128 hex characters. */
export function normalizeSalt(input: string): string | null {
  const s = input.trim().toLowerCase();
  return SALT_PATTERN.test(s) ? s : null;
}

export const SALT_FILE_NAME = 'resolve-plus-hash-salt.txt';
