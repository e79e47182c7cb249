/** Map each product's wording for channel and status onto our small vocabularies. */
import type { Channel, TicketStatus } from '../core/ticket/types';

export function toChannel(raw: string | null | undefined): Channel {
  const s = (raw ?? '').toLowerCase();
  if (/chat|messag|messenger|whatsapp|sms|social|instagram|facebook|twitter/.test(s)) return 'chat';
  if (/mail|web ?form|portal|api/.test(s)) return 'email';
  if (/phone|call|voice|talk/.test(s)) return 'phone';
  return 'other';
}

export function toStatus(raw: string | null | undefined): TicketStatus {
  const s = (raw ?? '').toLowerCase().trim();
  if (!s) return 'other';
  if (/solved|resolved|closed|done|complete/.test(s)) return 'solved';
  if (/pending|waiting|on.?hold|snoozed|awaiting/.test(s)) return 'pending';
  if (/open|new|in progress|active|assigned|work in progress|escalated/.test(s)) return 'open';
  return 'other';
}
