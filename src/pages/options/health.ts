/**
 * Site health: the content script stores its last read diagnostics per helpdesk under `health:<id>`
 * ({ at, diagnostics: [{ field, ok, source? }] }). The options page lists them, one line per helpdesk.
 */
import { CONTEXT_FIELDS, type ContextField, FIELD_SOURCES, type FieldSource } from '../../core/ticket/types';

export interface HealthField {
  readonly field: ContextField;
  readonly ok: boolean;
  /** Which kind of source produced the value (helpdesk API, selector, URL, admin override, fallback). */
  readonly via?: FieldSource;
  /** The selector (or "ticket API", "document title", …) tried, bounded; shown to the admin as text. */
  readonly source?: string;
}

const VIAS: ReadonlySet<string> = new Set(FIELD_SOURCES);

export interface HealthEntry {
  readonly helpdesk: string;
  readonly at: number | null;
  readonly fields: readonly HealthField[];
}

const FIELDS: ReadonlySet<string> = new Set(CONTEXT_FIELDS);

/** Health entries from all of `storage.local` (or any record), valid ones only, in `order` then by name. */
export function readHealth(all: Readonly<Record<string, unknown>>, prefix: string, order: readonly string[] = []): HealthEntry[] {
  const out: HealthEntry[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(prefix) || value === null || typeof value !== 'object') continue;
    const v = value as { at?: unknown; diagnostics?: unknown };
    if (!Array.isArray(v.diagnostics)) continue;
    const fields: HealthField[] = [];
    for (const d of v.diagnostics) {
      const f = d as { field?: unknown; ok?: unknown; via?: unknown; source?: unknown };
      if (typeof f?.field === 'string' && FIELDS.has(f.field) && typeof f.ok === 'boolean' && !fields.some((x) => x.field === f.field)) {
        const via = typeof f.via === 'string' && VIAS.has(f.via) ? (f.via as FieldSource) : undefined;
        const source = typeof f.source === 'string' && f.source ? f.source.slice(0, 200) : undefined;
        fields.push({ field: f.field as ContextField, ok: f.ok, ...(via ? { via } : {}), ...(source && f.ok ? { source } : {}) });
      }
    }
    fields.sort((a, b) => CONTEXT_FIELDS.indexOf(a.field) - CONTEXT_FIELDS.indexOf(b.field));
    out.push({ helpdesk: key.slice(prefix.length), at: typeof v.at === 'number' && Number.isFinite(v.at) ? v.at : null, fields });
  }
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return out.sort((a, b) => rank(a.helpdesk) - rank(b.helpdesk) || a.helpdesk.localeCompare(b.helpdesk));
}
