/**
 * Whose ticket the panel is on (customer's first name and subject, next to the id), so a rep with several
 * tickets open never works the wrong one. Worked out in the worker with the engine's reading
 * (`moves/evaluate`): the name rules stay out of every helpdesk tab's bundle.
 */
import { firstNameOf } from '../core/playbook/placeholders';
import type { TicketContext } from '../core/ticket/types';

const SUBJECT_CHARS = 48;

/** "Maria · Order arrived damaged" (subject cut to 48 characters); '' when neither is known. */
export function whoseTicket(context: TicketContext | null | undefined): string {
  if (!context) return '';
  const name = firstNameOf(context.requesterName);
  const chars = Array.from(context.subject);
  const subject = chars.length > SUBJECT_CHARS ? `${chars.slice(0, SUBJECT_CHARS - 1).join('')}…` : context.subject;
  return [name, subject].filter(Boolean).join(' · ');
}
