/** The README's complete playbook example must stay valid (documentation that cannot rot). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { english, evaluate, parsePlaybookJson } from '../../src/core/playbook';

describe('README playbook example', () => {
  const readme = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');
  const block = /## Playbooks[\s\S]*?```json\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '';

  it('parses with the engine’s schema', () => {
    const r = parsePlaybookJson(block);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('holds value back until resolution and then offers the warranty line', () => {
    const r = parsePlaybookJson(block);
    if (!r.ok) throw new Error('invalid');
    const context = {
      helpdesk: 'zendesk' as const,
      ticketId: '1',
      subject: 'Jug cracked',
      requesterName: 'Maria Lopez',
      customerKey: null,
      channel: 'chat' as const,
      status: 'open' as const,
      tags: ['damaged'],
      product: 'Acme Blender Pro',
      messages: [{ role: 'customer' as const, text: 'The jug arrived cracked.' }],
    };
    const base = { context, suppressedAuto: [], startedAt: 0, now: 60_000, history: [], say: english };
    expect(evaluate(r.playbook, { ...base, checklist: {} }).eligible).toEqual([]);
    const done = { doneAt: 1, auto: false };
    const after = evaluate(r.playbook, { ...base, checklist: { greet: done, verify: done, fix: done, confirm: done } });
    expect(after.eligible.map((e) => e.move.id)).toEqual(['warranty']);
    expect(after.eligible[0]?.text).toContain('Acme Blender Pro');
  });
});
