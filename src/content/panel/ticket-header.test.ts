import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTEXT_FIELDS, FIELD_SOURCES, type TicketContext } from '../../core/ticket/types';
import { missingCostKey, whoseTicket } from './ticket-header';

const ctx = (requesterName: string, subject: string) => ({ requesterName, subject }) as TicketContext;

describe('panel header: whose ticket it is', () => {
  it('shows the first name and the subject, the subject cut to 48 characters', () => {
    expect(whoseTicket(ctx('Maria Lopez', 'Order arrived damaged'))).toBe('Maria · Order arrived damaged');
    const long = whoseTicket(ctx('Lopez, Maria', 'x'.repeat(80)));
    expect(long).toBe(`Maria · ${'x'.repeat(47)}…`);
    expect(whoseTicket(ctx('maria@example.com', ''))).toBe('');
    expect(whoseTicket(null)).toBe('');
  });

  it('every field has a message saying what its absence costs, in every locale; every source has a label', () => {
    for (const loc of ['en', 'es']) {
      const messages = JSON.parse(readFileSync(`public/_locales/${loc}/messages.json`, 'utf8')) as Record<string, { message: string }>;
      for (const field of CONTEXT_FIELDS) expect(messages[missingCostKey(field)]?.message, `${loc} ${field}`).toBeTruthy();
      for (const via of FIELD_SOURCES) expect(messages[`options_health_via_${via}`]?.message, `${loc} ${via}`).toBeTruthy();
    }
  });
});
