/**
 * The custom-site form ↔ the config `parseCustomSite` validates (src/sites/adapters/custom.ts). Empty
 * optional fields are left out, so a blank selector box means "not used" rather than an empty selector.
 */
import type { Channel } from '../../core/ticket/types';
import { slugify, uniqueId } from './list-ops';

export const SELECTOR_KEYS = ['ticketId', 'subject', 'requester', 'status', 'messages', 'customerMessage', 'composer', 'ticketRoot', 'agentMessage'] as const;
export type SelectorKey = (typeof SELECTOR_KEYS)[number];

export interface CustomSiteForm {
  /** Kept when editing a saved site; a new site gets one from its label. */
  readonly id: string;
  readonly label: string;
  readonly urlPattern: string;
  readonly idFromUrl: string;
  readonly channel: Channel | '';
  readonly selectors: Readonly<Record<SelectorKey, string>>;
}

export const EMPTY_SITE_FORM: CustomSiteForm = {
  id: '',
  label: '',
  urlPattern: '',
  idFromUrl: '',
  channel: '',
  selectors: { ticketId: '', subject: '', requester: '', status: '', messages: '', customerMessage: '', composer: '', ticketRoot: '', agentMessage: '' },
};

const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** A stored config (possibly invalid) back into the form. */
export function formFromConfig(raw: unknown): CustomSiteForm {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const sel = r.selectors && typeof r.selectors === 'object' ? (r.selectors as Record<string, unknown>) : {};
  const selectors = { ...EMPTY_SITE_FORM.selectors };
  for (const k of SELECTOR_KEYS) selectors[k] = str(sel[k]);
  const channel = str(r.channel);
  return {
    id: str(r.id),
    label: str(r.label),
    urlPattern: str(r.urlPattern),
    idFromUrl: str(r.idFromUrl),
    channel: channel === 'chat' || channel === 'email' || channel === 'phone' || channel === 'other' ? channel : '',
    selectors,
  };
}

/** The id a site gets: its own when it has one, else from the label, free among `taken` (1–40 chars). */
export function siteIdFor(form: CustomSiteForm, taken: readonly string[]): string {
  if (form.id) return form.id;
  return uniqueId(slugify(form.label, 40) || 'site', taken, 40);
}

/** The config object to validate and store. */
export function configFromForm(form: CustomSiteForm, id: string): Record<string, unknown> {
  const selectors: Record<string, string> = {};
  for (const k of SELECTOR_KEYS) {
    const v = form.selectors[k].trim();
    // `subject` is required: keep it even when empty so validation names it.
    if (v !== '' || k === 'subject') selectors[k] = v;
  }
  const out: Record<string, unknown> = { id, label: form.label.trim(), urlPattern: form.urlPattern.trim(), selectors };
  if (form.idFromUrl.trim() !== '') out.idFromUrl = form.idFromUrl.trim();
  if (form.channel !== '') out.channel = form.channel;
  return out;
}

export function siteIdOf(raw: unknown): string {
  return raw && typeof raw === 'object' ? str((raw as { id?: unknown }).id) : '';
}

/** Replaces the site with the same id, or appends it. */
export function upsertSite<C extends { readonly id: string }>(list: readonly unknown[], config: C): unknown[] {
  const i = list.findIndex((s) => siteIdOf(s) === config.id);
  return i < 0 ? [...list, config] : list.map((s, j) => (j === i ? config : s));
}
