/**
 * What each field the adapter could not read costs the rep, so a rep knows which conditions are off.
 * (Whose ticket it is — name and subject — comes from the worker: src/background/whose-ticket.ts.)
 */
import type { ContextField } from '../../core/ticket/types';

/** The i18n key naming what a missing field costs; the ticket id is never "missing" on a shown ticket. */
export function missingCostKey(field: ContextField): string {
  return `missing_${field}`;
}
