import { describe, expect, it } from 'vitest';
import type { TicketContext } from '../core/ticket/types';
import { whoseTicket } from './whose-ticket';

const ctx = (requesterName: string, subject: string) => ({ requesterName, subject }) as TicketContext;

describe('panel header: whose ticket it is', () => {
  it('shows the first name and the subject, the subject cut to 48 characters', () => {
    expect(whoseTicket(ctx('Maria Lopez', 'Order arrived damaged'))).toBe('Maria · Order arrived damaged');
    const long = whoseTicket(ctx('Lopez, Maria', 'x'.repeat(80)));
    expect(long).toBe(`Maria · ${'x'.repeat(47)}…`);
    expect(whoseTicket(ctx('maria@example.com', ''))).toBe('');
    expect(whoseTicket(null)).toBe('');
  });
});
