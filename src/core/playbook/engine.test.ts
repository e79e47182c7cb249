import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { arbContext, arbHistory, arbPlaybook, daysBefore, done, input, move, NOW, playbook, step, ticket } from './test-fixtures';
import type { Playbook } from './types';
import { parsePlaybook } from './validate';

const ids = (moves: readonly { move: { id: string } }[]) => moves.map((m) => m.move.id);

describe('resolution gate', () => {
  it('holds every move back until resolution is confirmed, whatever else matches (property)', () => {
    fc.assert(
      fc.property(arbPlaybook, arbContext, arbHistory, fc.subarray(['s0', 's1', 's2', 's3', 's4']), (pb, context, history, doneIds) => {
        // Resolution can only come from the confirming step here (arbPlaybook has no resolutionRule).
        const confirming = pb.checklist.find((s) => s.confirmsResolution)?.id ?? '';
        const checklist = done(...doneIds.filter((id) => id !== confirming));
        const result = evaluate(pb, input({ context, history, checklist }));
        expect(result.resolutionConfirmed).toBe(false);
        expect(result.eligible).toEqual([]);
        expect(result.heldBack).toHaveLength(pb.moves.length);
      }),
      { numRuns: 300 },
    );
  });

  it('opens when the confirming step is done or the resolution rule holds', () => {
    const pb = playbook({ moves: [move('tip')] });
    const before = evaluate(pb, input());
    expect(before.heldBack).toEqual([{ moveId: 'tip', kind: 'usage-tip', title: 'Move tip', cause: 'resolution', reason: 'Waiting for resolution to be confirmed' }]);
    expect(ids(evaluate(pb, input({ checklist: done('confirm') })).eligible)).toEqual(['tip']);

    const byRule = playbook({ checklist: [step('fix')], resolutionRule: { status: ['solved'] }, moves: [move('tip')] });
    expect(evaluate(byRule, input()).resolutionConfirmed).toBe(false);
    expect(ids(evaluate(byRule, input({ context: ticket({ status: 'solved' }) })).eligible)).toEqual(['tip']);
  });

  it('never lets eligible exceed maxMovesShown and keeps every move accounted for (property)', () => {
    fc.assert(
      fc.property(arbPlaybook, arbContext, arbHistory, (pb, context, history) => {
        const confirming = pb.checklist.find((s) => s.confirmsResolution)?.id ?? '';
        const result = evaluate(pb, input({ context, history, checklist: done(confirming) }));
        expect(result.eligible.length).toBeLessThanOrEqual(pb.settings.maxMovesShown);
        expect(new Set([...ids(result.eligible), ...result.heldBack.map((h) => h.moveId)])).toEqual(new Set(pb.moves.map((m) => m.id)));
        const priorities = result.eligible.map((e) => e.move.priority);
        expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
        // Deterministic: same input, same output.
        expect(evaluate(pb, input({ context, history, checklist: done(confirming) }))).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });
});

describe('moves', () => {
  const pb = playbook({
    settings: { veCooldownDays: 0, maxMovesShown: 2 },
    moves: [
      move('low', { priority: 1 }),
      move('chat-only', { priority: 5, when: { channel: ['chat'] }, why: 'Chat is quick.' }),
      move('high', { priority: 9, kind: 'confidence', when: { all: [{ tags: { any: ['vip'] } }, { customerSays: { any: ['smoothie*'] } }] } }),
      move('email-only', { priority: 7, when: { channel: ['email'] } }),
      move('tie', { priority: 5 }),
    ],
  });
  const resolved = input({ checklist: done('confirm') });

  it('sorts by priority then array order, caps the list and says why', () => {
    const result = evaluate(pb, resolved);
    expect(ids(result.eligible)).toEqual(['high', 'chat-only']);
    expect(result.eligible[0]?.reasons).toEqual([
      'Resolution confirmed',
      "Tagged 'vip'",
      "Customer mentioned 'smoothies'",
    ]);
    expect(result.eligible[1]?.reasons).toEqual(['Resolution confirmed', 'Channel is chat', 'Chat is quick.']);
    expect(result.heldBack).toEqual([
      { moveId: 'email-only', kind: 'usage-tip', title: 'Move email-only', cause: 'condition', reason: 'Condition not met: channel is chat, needs email' },
      { moveId: 'tie', kind: 'usage-tip', title: 'Move tie', cause: 'limit', reason: 'Ranked below the 2 moves shown' },
      { moveId: 'low', kind: 'usage-tip', title: 'Move low', cause: 'limit', reason: 'Ranked below the 2 moves shown' },
    ]);
  });

  it('matches only moves that do not need the page when the page could not be read', () => {
    const result = evaluate(pb, input({ context: null, checklist: done('confirm') }));
    expect(ids(result.eligible)).toEqual(['tie', 'low']);
    expect(result.heldBack.find((h) => h.moveId === 'high')).toMatchObject({ cause: 'no-context', reason: 'Condition not met: needs ticket details the page did not show' });
    // No customer known: no claim about what was offered before.
    expect(result.eligible[0]?.reasons).toEqual(['Resolution confirmed']);
  });
});

describe('frequency caps', () => {
  const pb = playbook({
    settings: { veCooldownDays: 0, maxMovesShown: 3 },
    moves: [move('care', { cooldownDays: 14 }), move('other', { cooldownDays: 0 })],
  });
  const at = (days: number, outcome: 'offered' | 'accepted' | 'declined' | 'not-a-fit' | null, moveId = 'care', offered?: boolean) => ({
    moveId,
    kind: 'usage-tip' as const,
    at: daysBefore(days),
    outcome,
    offered: offered ?? (outcome !== null && outcome !== 'not-a-fit'),
  });
  const run = (p: Playbook, history: ReturnType<typeof at>[]) => evaluate(p, input({ checklist: done('confirm'), history }));

  it('holds a move back within its cooldown for this customer', () => {
    const result = run(pb, [at(3, 'declined')]);
    expect(ids(result.eligible)).toEqual(['other']);
    expect(result.heldBack).toEqual([
      { moveId: 'care', kind: 'usage-tip', title: 'Move care', cause: 'cooldown', reason: 'Offered to this customer 3 days ago (cooldown 14 days)' },
    ]);
    expect(ids(run(pb, [at(14, 'accepted')]).eligible)).toEqual(['care', 'other']);
    expect(ids(run(pb, [at(0, 'offered')]).eligible)).toEqual(['other']);
    expect(run(pb, [at(0, 'offered')]).heldBack[0]?.reason).toBe('Offered to this customer today (cooldown 14 days)');
  });

  it('does not count dismissals or moves that were only shown', () => {
    expect(ids(run(pb, [at(1, 'not-a-fit')]).eligible)).toEqual(['care', 'other']);
    expect(ids(run(pb, [at(1, null, 'care', false)]).eligible)).toEqual(['care', 'other']);
    expect(ids(run(pb, [at(1, null)]).eligible)).toEqual(['care', 'other']);
    expect(ids(run(pb, [at(1, null, 'care', true)]).eligible)).toEqual(['other']);
  });

  it('applies the playbook-wide pause across all moves', () => {
    const paused = { ...pb, settings: { veCooldownDays: 7, maxMovesShown: 3 } };
    const result = run(paused, [at(2, 'accepted', 'something-else')]);
    expect(result.eligible).toEqual([]);
    expect(result.heldBack.map((h) => h.reason)).toEqual([
      'A VE move was offered to this customer 2 days ago (pause between VE offers: 7 days)',
      'A VE move was offered to this customer 2 days ago (pause between VE offers: 7 days)',
    ]);
    const clear = run(paused, [at(8, 'accepted', 'something-else')]);
    expect(clear.eligible[0]?.reasons).toEqual(['Resolution confirmed', 'Not offered to this customer in the last 14 days']);
    expect(clear.eligible[1]?.reasons).toEqual(['Resolution confirmed', 'No VE offered to this customer in the last 7 days']);
  });
});

describe('checklist', () => {
  const pb = playbook({
    checklist: [
      step('greet', { autoComplete: { agentSays: { any: ['sorry about that'] } } }),
      step('email-only', { when: { channel: ['email'] } }),
      step('optional', { required: false }),
      step('confirm', { confirmsResolution: true, autoComplete: { any: [{ status: ['solved'] }, { agentSays: { any: ['anything else'] } }] } }),
    ],
  });

  it('reports applicability, progress and auto-completion', () => {
    const result = evaluate(pb, input({ checklist: { greet: { doneAt: NOW - 5000, auto: true } } }));
    expect(result.steps.map((s) => [s.id, s.applicable, s.done, s.auto])).toEqual([
      ['greet', true, true, true],
      ['email-only', false, false, false],
      ['optional', true, false, false],
      ['confirm', true, false, false],
    ]);
    expect(result.steps[0]?.doneAt).toBe(NOW - 5000);
    expect(result.progress).toEqual({ done: 1, total: 3, requiredDone: 1, requiredTotal: 2 });
    expect(result.autoComplete).toEqual([]);
  });

  it('offers auto-completion for steps whose signal holds, unless the rep undid it', () => {
    const solved = input({ context: ticket({ status: 'solved' }) });
    expect(evaluate(pb, solved).autoComplete).toEqual(['greet', 'confirm']);
    expect(evaluate(pb, { ...solved, suppressedAuto: ['confirm'] }).autoComplete).toEqual(['greet']);
    expect(evaluate(pb, { ...solved, checklist: done('greet') }).autoComplete).toEqual(['confirm']);
    // Auto-completion is a suggestion: resolution is confirmed once the overlay records the tick.
    expect(evaluate(pb, solved).resolutionConfirmed).toBe(false);
  });

  it('works without page context: conditional steps stay visible, no auto-ticks', () => {
    const result = evaluate(pb, input({ context: null }));
    expect(result.steps.every((s) => s.applicable)).toBe(true);
    expect(result.autoComplete).toEqual([]);
    expect(result.progress).toEqual({ done: 0, total: 4, requiredDone: 0, requiredTotal: 3 });
  });

  it('ignores checklist keys inherited from Object.prototype', () => {
    const proto = playbook({ checklist: [step('constructor', { confirmsResolution: true })] });
    // The schema refuses such ids now (issue 15 #9); the engine still reads only own keys.
    expect(parsePlaybook(proto).ok).toBe(false);
    expect(evaluate(proto, input()).resolutionConfirmed).toBe(false);
    expect(evaluate(proto, input({ checklist: done('constructor') })).resolutionConfirmed).toBe(true);
  });
});

describe('placeholders', () => {
  const pb = playbook({
    moves: [move('hi', { text: 'Hi {customer.firstName} ({customer.name}), enjoy {product}! Ticket {ticket.id}, {agent.name}. {unknown-ish} {x' })],
  });
  const fill = (overrides: Parameters<typeof input>[0]) => evaluate(pb, input({ checklist: done('confirm'), ...overrides })).eligible[0]?.text;

  it('fills from the ticket context and agent name', () => {
    expect(fill({})).toBe('Hi Maria (Maria Lopez), enjoy Acme Blender Pro! Ticket 4521, Sam. {unknown-ish} {x');
  });

  it('uses fallbacks when values are missing', () => {
    expect(fill({ context: null, agentName: undefined })).toBe('Hi there (there), enjoy your purchase! Ticket your request, our team. {unknown-ish} {x');
    expect(fill({ context: ticket({ requesterName: 'maria@example.com', product: null }) })).toBe(
      'Hi there (there), enjoy your purchase! Ticket 4521, Sam. {unknown-ish} {x',
    );
  });

  it('inserts values literally, never re-expanding them', () => {
    const context = ticket({ ticketId: '{customer.name}' });
    expect(fill({ context, agentName: '{ticket.id}' })).toBe('Hi Maria (Maria Lopez), enjoy Acme Blender Pro! Ticket {customer.name}, {ticket.id}. {unknown-ish} {x');
  });

  it('puts the fallback in place of names and products that are markup, URLs or sentences (issue 15 #7)', () => {
    const hostile = [
      { requesterName: '<script>alert(1)</script> {product}', product: '{customer.name}' },
      { requesterName: 'Maria https://evil.example/win', product: 'Visit evil.example for a free upgrade' },
      { requesterName: 'Click here to claim your refund now', product: 'please click here to claim your prize today' },
      { requesterName: 'Maria'.repeat(20), product: 'Blender '.repeat(12).trim() },
      { requesterName: 'Maria www.evil.example', product: 'bit.ly/refund' },
    ];
    for (const h of hostile) {
      expect(fill({ context: ticket(h) })).toBe('Hi there (there), enjoy your purchase! Ticket 4521, Sam. {unknown-ish} {x');
    }
  });

  it('keeps real names and products of every script and shape', () => {
    const fine = [
      { requesterName: 'José María de la Cruz', product: 'Acme Blender Pro 2 (1.5 L)', first: 'José' },
      { requesterName: "Seán O'Brien-Kelly", product: 'AT&T Fiber 500', first: 'Seán' },
      { requesterName: 'Lopez, Maria', product: 'C++ Toolkit', first: 'Maria' },
      { requesterName: '李小龙', product: 'Kettle™', first: '李小龙' },
      { requesterName: 'J. R. R. Tolkien', product: 'iPhone 15 Pro Max', first: 'J' },
    ];
    for (const f of fine) {
      const text = fill({ context: ticket({ requesterName: f.requesterName, product: f.product }) });
      expect(text).toContain(`(${f.requesterName})`);
      expect(text).toContain(`enjoy ${f.product}!`);
      expect(text?.startsWith(`Hi ${f.first} (`)).toBe(true);
    }
  });

  it('drops the space before an empty Spanish fallback', () => {
    const es = playbook({ locale: 'es', moves: [move('hola', { text: 'Hola {customer.firstName}, gracias por usar {product}.' })] });
    const text = evaluate(es, input({ context: null, checklist: done('confirm') })).eligible[0]?.text;
    expect(text).toBe('Hola, gracias por usar tu compra.');
  });
});

describe('placeholder values are bounded to what names and products look like (property)', () => {
  const pb = playbook({ moves: [move('hi', { text: '[{customer.firstName}|{customer.name}|{product}]' })] });
  const values = (requesterName: string, product: string | null) => {
    const text = evaluate(pb, input({ checklist: done('confirm'), context: ticket({ requesterName, product }) })).eligible[0]?.text ?? '';
    return text.slice(1, -1).split('|');
  };

  it('no URL, domain, markup or long text ever reaches the reply', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.domain(), fc.string({ maxLength: 300 })), fc.string({ maxLength: 20 }), (hostile, name) => {
        for (const v of [...values(`${name} ${hostile}`, hostile), ...values(hostile, `${name} ${hostile}`)]) {
          expect(v).not.toMatch(/:\/\/|www\.|[\p{L}\p{N}]\.[\p{L}\p{N}]{2,}|[<>{}@]/u);
          expect(Array.from(v).length).toBeLessThanOrEqual(60);
          expect(v.split(' ').length).toBeLessThanOrEqual(6);
        }
      }),
      { numRuns: 300 },
    );
    // CPU-bound (two evaluations per run); generous for a loaded shared machine.
  }, 30_000);
});
