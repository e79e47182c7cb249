/**
 * Admin selector overrides for helpdesk adapters (`siteOverrides` in the enterprise policy, or the
 * options page): `{ "zendesk": { "subject": ["h1.new-subject"] } }`. Pure validation: bad entries are
 * reported by path and dropped, good ones kept, so one typo never disables the rest.
 * Selectors stay data: they only ever reach `querySelector` (which swallows invalid syntax).
 */
import { HELPDESK_IDS, type HelpdeskId, OVERRIDE_FIELDS, type OverrideField, type SiteOverrides } from './types';

export interface OverrideError {
  readonly path: string;
  readonly message: string;
}

export type OverridesByHelpdesk = Partial<Record<HelpdeskId, SiteOverrides>>;

const MAX_SELECTORS = 5;
const MAX_SELECTOR_LENGTH = 300;
const FIELDS: ReadonlySet<string> = new Set(OVERRIDE_FIELDS);
const HELPDESKS: ReadonlySet<string> = new Set(HELPDESK_IDS);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Valid overrides from untrusted admin data, with an error per rejected entry. Never throws. */
export function parseSiteOverrides(input: unknown): { overrides: OverridesByHelpdesk; errors: OverrideError[] } {
  const overrides: OverridesByHelpdesk = {};
  const errors: OverrideError[] = [];
  if (input === undefined || input === null) return { overrides, errors };
  if (!isRecord(input)) return { overrides, errors: [{ path: '', message: 'Expected an object keyed by helpdesk' }] };
  for (const [helpdesk, fields] of Object.entries(input)) {
    if (!HELPDESKS.has(helpdesk)) {
      errors.push({ path: helpdesk, message: `Unknown helpdesk; use one of: ${HELPDESK_IDS.join(', ')}` });
      continue;
    }
    if (!isRecord(fields)) {
      errors.push({ path: helpdesk, message: 'Expected an object keyed by field' });
      continue;
    }
    const site: Partial<Record<OverrideField, readonly string[]>> = {};
    for (const [field, raw] of Object.entries(fields)) {
      const path = `${helpdesk}.${field}`;
      if (!FIELDS.has(field)) {
        errors.push({ path, message: `Unknown field; use one of: ${OVERRIDE_FIELDS.join(', ')}` });
        continue;
      }
      const list = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(list) || list.length === 0 || list.length > MAX_SELECTORS) {
        errors.push({ path, message: `Expected 1–${MAX_SELECTORS} CSS selectors` });
        continue;
      }
      const selectors: string[] = [];
      list.forEach((sel, i) => {
        const s = typeof sel === 'string' ? sel.trim() : '';
        if (!s || s.length > MAX_SELECTOR_LENGTH) errors.push({ path: `${path}[${i}]`, message: `Expected a CSS selector of 1–${MAX_SELECTOR_LENGTH} characters` });
        else selectors.push(s);
      });
      if (selectors.length) site[field as OverrideField] = selectors;
    }
    if (Object.keys(site).length) overrides[helpdesk as HelpdeskId] = site;
  }
  return { overrides, errors };
}

/** Policy first, then the options page's own entries: per field, policy selectors are tried first. */
export function mergeOverrides(first: SiteOverrides | undefined, second: SiteOverrides | undefined): SiteOverrides {
  const out: Partial<Record<OverrideField, readonly string[]>> = {};
  for (const field of OVERRIDE_FIELDS) {
    const list = [...new Set([...(first?.[field] ?? []), ...(second?.[field] ?? [])])].slice(0, MAX_SELECTORS * 2);
    if (list.length) out[field] = list;
  }
  return out;
}
