import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTEXT_FIELDS, FIELD_SOURCES } from '../../core/ticket/types';
import { missingCostKey } from './ticket-header';

describe('panel header: missing fields', () => {
  it('every field has a message saying what its absence costs, in every locale; every source has a label', () => {
    for (const loc of ['en', 'es']) {
      const messages = JSON.parse(readFileSync(`public/_locales/${loc}/messages.json`, 'utf8')) as Record<string, { message: string }>;
      for (const field of CONTEXT_FIELDS) expect(messages[missingCostKey(field)]?.message, `${loc} ${field}`).toBeTruthy();
      for (const via of FIELD_SOURCES) expect(messages[`options_health_via_${via}`]?.message, `${loc} ${via}`).toBeTruthy();
    }
  });
});
