/**
 * Whose ticket the panel is on (customer's first name and subject, next to the id) and what each field
 * the adapter could not read costs the rep, so a rep with several tickets open never works the wrong one
 * and knows which conditions are off.
 */
import { firstNameOf } from '../../core/playbook/placeholders';
import type { ContextField, TicketContext } from '../../core/ticket/types';

const SUBJECT_CHARS = 48;

/** "Maria · Order arrived damaged" (subject cut to 48 characters); '' when neither is known. */
export function whoseTicket(context: TicketContext | null | undefined): string {
  if (!context) return '';
  const name = firstNameOf(context.requesterName);
  const chars = Array.from(context.subject);
  const subject = chars.length > SUBJECT_CHARS ? `${chars.slice(0, SUBJECT_CHARS - 1).join('')}…` : context.subject;
  return [name, subject].filter(Boolean).join(' · ');
}

/** The i18n key naming what a missing field costs; the ticket id is never "missing" on a shown ticket. */
export function missingCostKey(field: ContextField): string {
  return `missing_${field}`;
}
