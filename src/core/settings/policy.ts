/**
 * The administrator's keys (enterprise policy, `storage.managed`) read into checked values. Chromium
 * validates the policy against public/managed-schema.json, but Firefox's policies.json and older
 * browsers do not, so every key is checked again here; a value of the wrong shape counts as unset.
 */
import { HELPDESK_IDS, type HelpdeskId } from '../ticket/types';

export interface PolicyView {
  /** The rep id the administrator assigned to this browser; wins over what the rep typed. */
  readonly repId: string | null;
  readonly retentionDays: number | null;
  /** Helpdesks switched off for everyone on this browser. */
  readonly disabledSites: readonly HelpdeskId[];
  /** Admin-defined custom sites (same shape as the options page's); each is validated where it is used. */
  readonly customSites: readonly unknown[];
  readonly hashSalt: string | null;
}

/** What a rep id may look like: letters, digits and . _ @ -, 1–100 characters (no spaces, no markup). */
export const REP_ID_PATTERN = /^[\p{L}\p{N}._@-]{1,100}$/u;

export function normalizeRepId(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  return REP_ID_PATTERN.test(s) ? s : null;
}

export const SALT_PATTERN = /^[0-9a-f]{16,128}$/;

export function normalizeSaltValue(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().toLowerCase();
  return SALT_PATTERN.test(s) ? s : null;
}

export function helpdeskList(raw: unknown): HelpdeskId[] {
  return Array.isArray(raw) ? HELPDESK_IDS.filter((id) => raw.includes(id)) : [];
}

export function readPolicy(raw: unknown): PolicyView {
  const p = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const days = p.retentionDays;
  return {
    repId: normalizeRepId(p.repId),
    retentionDays: typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 3650 ? days : null,
    disabledSites: helpdeskList(p.disabledSites),
    customSites: Array.isArray(p.customSites) ? p.customSites.slice(0, 50) : [],
    hashSalt: normalizeSaltValue(p.hashSalt),
  };
}

/**
 * Custom sites from several sources, first source first; a later site with an id already taken is
 * dropped (an administrator's site cannot be replaced by a rep's site of the same id).
 */
export function mergeCustomSites(...sources: readonly (readonly unknown[])[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const list of sources) {
    for (const site of list) {
      const id = site && typeof site === 'object' ? (site as { id?: unknown }).id : undefined;
      const key = typeof id === 'string' ? id : JSON.stringify(site);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(site);
    }
  }
  return out.slice(0, 50);
}
