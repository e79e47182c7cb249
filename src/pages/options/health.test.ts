import { describe, expect, it } from 'vitest';
import { readHealth } from './health';

describe('site health', () => {
  it('reads health:* entries, skipping other keys and malformed values', () => {
    const all = {
      settings: { repId: 'x' },
      'health:freshdesk': { at: 5, diagnostics: [{ field: 'status', ok: false }, { field: 'ticketId', ok: true, source: 'url' }] },
      'health:zendesk': { at: 7, diagnostics: [{ field: 'subject', ok: true }, { field: 'bogus', ok: true }, { field: 'subject', ok: false }] },
      'health:broken': { at: 1, diagnostics: 'nope' },
      'health:nulls': null,
    };
    const entries = readHealth(all, 'health:', ['zendesk', 'freshdesk']);
    expect(entries.map((e) => e.helpdesk)).toEqual(['zendesk', 'freshdesk']);
    expect(entries[0]).toEqual({ helpdesk: 'zendesk', at: 7, fields: [{ field: 'subject', ok: true }] });
    // Fields come in the adapter's reading order: id before status.
    expect(entries[1]?.fields.map((f) => f.field)).toEqual(['ticketId', 'status']);
  });

  it('sorts helpdesks not in the order list by name, after the known ones', () => {
    const all = { 'health:b': { diagnostics: [] }, 'health:a': { diagnostics: [] }, 'health:zendesk': { at: 'x', diagnostics: [] } };
    const entries = readHealth(all, 'health:', ['zendesk']);
    expect(entries.map((e) => e.helpdesk)).toEqual(['zendesk', 'a', 'b']);
    expect(entries[0]?.at).toBeNull();
  });
});
