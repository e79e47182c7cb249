/**
 * Builders and fast-check arbitraries shared by the playbook tests (not a test file itself; only tests
 * import it). Arbitrary playbooks are valid by construction: unique ids, one confirming step, step
 * references only to earlier steps (so no cycles), known placeholders, tone-neutral text.
 */
import fc from 'fast-check';
import { MOVE_KINDS, OUTCOMES } from '../log/types';
import { CHANNELS, HELPDESK_IDS, MESSAGE_ROLES, TICKET_STATUSES, type TicketContext } from '../ticket/types';
import type { ConditionEnv } from './condition';
import type { EvaluationInput } from './engine';
import { factsFor } from './facts';
import type { HistoryAttempt } from './history';
import { DAY_MS } from './limits';
import type { Condition, Move, Playbook, Step } from './types';
import { english } from './wording-en';

export const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

export function ticket(overrides: Partial<TicketContext> = {}): TicketContext {
  return {
    helpdesk: 'zendesk',
    ticketId: '4521',
    subject: 'Order arrived damaged',
    requesterName: 'Maria Lopez',
    customerKey: 'maria.lopez@example.com',
    channel: 'chat',
    status: 'open',
    tags: ['damaged', 'blender', 'vip'],
    product: 'Acme Blender Pro',
    messages: [
      { role: 'customer', text: 'Hi, my blender arrived with a cracked jar.' },
      { role: 'agent', text: 'Sorry about that! I have sent a replacement jar, it is on its way.' },
      { role: 'internal', text: 'Customer is VIP, be nice. Anything else?' },
      { role: 'customer', text: 'Thanks! I use it for smoothies every morning.' },
    ],
    ...overrides,
  };
}

export function input(overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return { context: ticket(), checklist: {}, suppressedAuto: [], startedAt: NOW - 10 * 60_000, now: NOW, history: [], agentName: 'Sam', say: english, ...overrides };
}

export const done = (...ids: string[]): EvaluationInput['checklist'] => Object.fromEntries(ids.map((id) => [id, { doneAt: NOW - 60_000, auto: false }]));

export const daysBefore = (days: number) => NOW - days * DAY_MS;

export function step(id: string, extra: Partial<Step> = {}): Step {
  return { id, title: `Step ${id}`, required: true, ...extra };
}

export function move(id: string, extra: Partial<Move> = {}): Move {
  return { id, kind: 'usage-tip', title: `Move ${id}`, text: `Tip ${id} for {product}.`, when: { all: [] }, priority: 0, cooldownDays: 0, ...extra };
}

/** Smallest valid playbook: one confirming step, given moves. */
export function playbook(extra: Partial<Playbook> = {}): Playbook {
  return {
    id: 'test',
    name: 'Test playbook',
    version: 1,
    appliesTo: {},
    checklist: [step('fix'), step('confirm', { confirmsResolution: true })],
    moves: [],
    settings: { veCooldownDays: 0, maxMovesShown: 2 },
    ...extra,
  };
}

// ---- arbitraries ----

const WORDS = ['blender', 'smoothie', 'refund', 'plan', 'setup', 'anything else', 'cancel', 'vip', 'new-customer', 'jar'] as const;
export const arbWord = fc.constantFrom(...WORDS);
const arbKeywords = fc.uniqueArray(arbWord, { minLength: 1, maxLength: 3 });

/** `withResolution: false` for step conditions, where `resolutionConfirmed` could close a cycle. */
export function arbLeaf(stepIds: readonly string[], withResolution = true): fc.Arbitrary<Condition> {
  const leaves: fc.Arbitrary<Condition>[] = [
    fc.uniqueArray(fc.constantFrom(...HELPDESK_IDS), { minLength: 1, maxLength: 3 }).map((helpdesk) => ({ helpdesk })),
    fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 2 }).map((channel) => ({ channel })),
    fc.uniqueArray(fc.constantFrom(...TICKET_STATUSES), { minLength: 1, maxLength: 2 }).map((status) => ({ status })),
    fc.oneof(
      arbKeywords.map((any) => ({ tags: { any } })),
      arbKeywords.map((all) => ({ tags: { all } })),
    ),
    arbKeywords.map((product) => ({ product })),
    arbKeywords.map((any) => ({ customerSays: { any } })),
    arbKeywords.map((any) => ({ agentSays: { any } })),
    fc
      .record({ gte: fc.integer({ min: 0, max: 30 }), lte: fc.integer({ min: 0, max: 30 }) }, { requiredKeys: ['gte'] })
      .map((elapsedMinutes) => ({ elapsedMinutes })),
    fc
      .record(
        { withinDays: fc.integer({ min: 1, max: 60 }), lte: fc.integer({ min: 0, max: 3 }), kind: fc.constantFrom(...MOVE_KINDS) },
        { requiredKeys: ['withinDays', 'lte'] },
      )
      .map((priorAttempts) => ({ priorAttempts })),
    fc
      .record({ outcome: fc.uniqueArray(fc.constantFrom(...OUTCOMES), { minLength: 1 }), withinDays: fc.integer({ min: 1, max: 60 }) })
      .map((priorOutcome) => ({ priorOutcome })),
  ];
  if (withResolution) leaves.push(fc.boolean().map((resolutionConfirmed) => ({ resolutionConfirmed })));
  if (stepIds.length > 0) leaves.push(fc.constantFrom(...stepIds).map((stepDone) => ({ stepDone })));
  return fc.oneof(...leaves);
}

/** Conditions up to `depth` levels (within the validator's limit of 8). */
export function arbCondition(stepIds: readonly string[] = ['a', 'b'], depth = 4, withResolution = true): fc.Arbitrary<Condition> {
  const { node } = fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: depth - 1, withCrossShrink: true },
      arbLeaf(stepIds, withResolution),
      fc.array(tie('node'), { maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('node'), { maxLength: 3 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  }));
  return node;
}

export const arbHistory: fc.Arbitrary<HistoryAttempt[]> = fc.array(
  fc.record({
    moveId: fc.constantFrom('m0', 'm1', 'm2'),
    kind: fc.constantFrom(...MOVE_KINDS),
    at: fc.integer({ min: NOW - 90 * DAY_MS, max: NOW }),
    outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: null }),
    shownOnly: fc.boolean(),
  }).map(({ shownOnly, ...a }) => ({ ...a, offered: a.outcome !== 'not-a-fit' && !(a.outcome === null && shownOnly) })),
  { maxLength: 5 },
);

const arbText = fc.array(fc.constantFrom(...WORDS, 'hello', 'thanks', 'Smoothies', 'CANCEL', 'my-plan', 'jars'), { maxLength: 6 }).map((w) => w.join(' '));

export const arbContext: fc.Arbitrary<TicketContext | null> = fc.option(
  fc.record({
    helpdesk: fc.constantFrom(...HELPDESK_IDS),
    ticketId: fc.string({ maxLength: 8 }),
    subject: fc.constant('Subject'),
    requesterName: fc.string({ maxLength: 20 }),
    customerKey: fc.option(fc.constant('c@example.com'), { nil: null }),
    channel: fc.constantFrom(...CHANNELS),
    status: fc.constantFrom(...TICKET_STATUSES),
    tags: fc.uniqueArray(arbWord, { maxLength: 3 }),
    product: fc.option(arbText, { nil: null }),
    messages: fc.array(fc.record({ role: fc.constantFrom(...MESSAGE_ROLES), text: arbText }), {
      maxLength: 4,
    }),
  }),
  { nil: null, freq: 5 },
);

export const arbEnv: fc.Arbitrary<ConditionEnv> = fc
  .record({
    context: arbContext,
    doneIds: fc.subarray(['a', 'b']),
    resolutionConfirmed: fc.boolean(),
    elapsed: fc.integer({ min: 0, max: 40 }),
    history: arbHistory,
  })
  .map(({ context, doneIds, resolutionConfirmed, elapsed, history }) => ({
    facts: context === null ? null : factsFor(context),
    checklist: done(...doneIds),
    resolutionConfirmed,
    now: NOW,
    startedAt: NOW - elapsed * 60_000,
    history,
    say: english,
  }));

const SAFE_TEXT = ['Here is a tip for {product}.', 'Hi {customer.firstName}, you are all set.', 'Ticket {ticket.id} is closed, {agent.name} here.', 'Good choice.'];

/** Valid playbooks: steps may reference earlier steps only, one step confirms resolution. */
export const arbPlaybook: fc.Arbitrary<Playbook> = fc
  .record({
    stepCount: fc.integer({ min: 1, max: 5 }),
    confirmAt: fc.nat(),
    moveCount: fc.integer({ min: 0, max: 5 }),
  })
  .chain(({ stepCount, confirmAt, moveCount }) => {
    const ids = Array.from({ length: stepCount }, (_, i) => `s${i}`);
    const confirm = confirmAt % stepCount;
    const steps = ids.map((id, i) =>
      fc
        .record(
          {
            title: fc.constantFrom('Greet', 'Verify the order', 'Résoudre ✓', 'Confirm'),
            help: fc.constantFrom('Some help.', 'Más ayuda.'),
            required: fc.boolean(),
            when: i === confirm ? fc.constant(undefined) : arbCondition(ids.slice(0, i), 3, false),
            autoComplete: arbCondition(ids.slice(0, i), 3, false),
          },
          { requiredKeys: ['title', 'required'] },
        )
        .map((s) => {
          const out: Step = { id, ...s, ...(i === confirm ? { confirmsResolution: true } : {}) };
          if (out.when === undefined) delete (out as { when?: unknown }).when;
          return out;
        }),
    );
    const moves = Array.from({ length: moveCount }, (_, i) =>
      fc.record(
        {
          id: fc.constant(`m${i}`),
          kind: fc.constantFrom(...MOVE_KINDS),
          title: fc.constantFrom('Care tip', 'Confidence line'),
          text: fc.constantFrom(...SAFE_TEXT),
          when: arbCondition(ids, 3),
          priority: fc.integer({ min: -5, max: 5 }),
          cooldownDays: fc.integer({ min: 0, max: 30 }),
          why: fc.constantFrom('Because it helps.'),
        },
        { requiredKeys: ['id', 'kind', 'title', 'text', 'when', 'priority', 'cooldownDays'] },
      ),
    );
    return fc.record(
      {
        id: fc.constantFrom('pb', 'pb-two', 'x1'),
        name: fc.constantFrom('Playbook', 'Libro de jugadas'),
        version: fc.integer({ min: 1, max: 99 }),
        locale: fc.constantFrom('en', 'es', 'es-MX'),
        appliesTo: fc.record(
          { helpdesks: fc.uniqueArray(fc.constantFrom(...HELPDESK_IDS), { maxLength: 2 }), tags: fc.uniqueArray(arbWord, { maxLength: 2 }) },
          { requiredKeys: [] },
        ),
        checklist: fc.tuple(...steps),
        moves: moves.length === 0 ? fc.constant([]) : fc.tuple(...moves),
        settings: fc.record({ veCooldownDays: fc.integer({ min: 0, max: 30 }), maxMovesShown: fc.integer({ min: 0, max: 4 }) }),
      },
      { requiredKeys: ['id', 'name', 'version', 'appliesTo', 'checklist', 'moves', 'settings'] },
    ) as fc.Arbitrary<Playbook>;
  });
