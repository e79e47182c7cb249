/**
 * Deterministic, valid log data for the benchmark: events for `log/append`, and the derived records
 * (interactions, attempts, wrap-ups) for `log/merge` and the CSV export. Everything passes the schemas
 * in src/core/log/validate.ts (`checkSample` proves it on a sample before a run spends minutes on it).
 */
import * as v from 'valibot';
import type { Attempt, Interaction, LogEvent, Outcome, SkipReason, Wrapup } from '../../src/core/log/types';
import { attemptSchema, interactionSchema, logEventSchema, wrapupSchema } from '../../src/core/log/validate';
import { DEFAULT_PLAYBOOK } from '../../src/core/playbook';
import type { Channel, HelpdeskId } from '../../src/core/ticket/types';

/** A fixed "now" (Nov 2026), so runs produce the same records. */
export const NOW = Date.UTC(2026, 10, 1, 12, 0, 0);
const DAY = 86_400_000;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const HELPDESKS: readonly HelpdeskId[] = ['zendesk', 'zendesk', 'zendesk', 'freshdesk', 'intercom', 'salesforce', 'hubspot'];
const CHANNELS: readonly Channel[] = ['chat', 'chat', 'email', 'email', 'phone', 'other'];
const SKIPS: readonly SkipReason[] = ['customer-upset', 'time-pressure', 'already-knows', 'other'];
const REPS = Array.from({ length: 25 }, (_, i) => `rep-${String(i + 1).padStart(2, '0')}@acme.example`);
const MOVES = DEFAULT_PLAYBOOK.moves.map((m) => ({ moveId: m.id, moveKind: m.kind, moveTitle: m.title }));
const STEPS = DEFAULT_PLAYBOOK.checklist.map((s) => s.id);

export const customerKeyOf = (n: number) => n.toString(16).padStart(64, '0');

export interface LogData {
  interactions: Interaction[];
  attempts: Attempt[];
  wrapups: Wrapup[];
}

/** `attempts` attempts spread over 90 days, three per interaction, with a wrap-up for every third interaction. */
export function makeLog(attempts: number, seed = 1): LogData {
  const r = rng(seed);
  const out: LogData = { interactions: [], attempts: [], wrapups: [] };
  const nInteractions = Math.ceil(attempts / 3);
  for (let i = 0; i < nInteractions; i++) {
    const id = `bench-int-${seed}-${i}`;
    const startedAt = NOW - Math.floor(r() * 90 * DAY);
    const resolvedAt = startedAt + 60_000 + Math.floor(r() * 600_000);
    const ended = r() < 0.9;
    const start = {
      helpdesk: pick(r, HELPDESKS),
      ticketId: String(100_000 + i),
      customerKey: customerKeyOf(Math.floor(r() * 20_000)),
      channel: pick(r, CHANNELS),
      repId: pick(r, REPS),
      playbookId: DEFAULT_PLAYBOOK.id,
      playbookVersion: DEFAULT_PLAYBOOK.version,
      variant: r() < 0.5 ? 'a' : 'b',
    };
    const steps: Record<string, number> = {};
    STEPS.forEach((s, k) => {
      steps[s] = startedAt + (k + 1) * 30_000;
    });
    out.interactions.push({
      ...start,
      id,
      startedAt,
      resolvedAt,
      endedAt: ended ? resolvedAt + 300_000 : null,
      endReason: ended ? 'closed' : null,
      steps,
      source: 'local',
    });
    if (i % 3 === 0) out.wrapups.push({ interactionId: id, vesAchieveMore: 1 + (i % 5), vesConfidence: 1 + ((i >> 1) % 5), effort: 1 + (i % 7), at: resolvedAt + 240_000 });
    const first = Math.floor(r() * MOVES.length);
    for (let k = 0; k < 3 && out.attempts.length < attempts; k++) {
      const move = MOVES[(first + k) % MOVES.length]!;
      const shownAt = resolvedAt + 5_000 * (k + 1);
      const roll = r();
      const outcome: Outcome | null = roll < 0.4 ? 'accepted' : roll < 0.55 ? 'declined' : roll < 0.75 ? 'offered' : roll < 0.9 ? 'not-a-fit' : null;
      const offeredAt = outcome === null || outcome === 'not-a-fit' ? null : shownAt + 20_000;
      const outcomeAt = outcome === null ? null : shownAt + 60_000;
      out.attempts.push({
        ...start,
        ...move,
        id: `${id}:${move.moveId}`,
        interactionId: id,
        shownAt,
        offeredAt,
        outcome,
        skipReason: outcome === 'not-a-fit' ? pick(r, SKIPS) : null,
        outcomeAt,
        resolutionConfirmedAt: resolvedAt,
        loggedAt: outcomeAt ?? shownAt,
        source: 'local',
      });
    }
  }
  return out;
}

/** The events one interaction produces in the panel (11 of them), ids prefixed with `tag`. */
export function interactionEvents(tag: string, n: number, at: number): LogEvent[] {
  const interactionId = `${tag}-i${n}`;
  const e = (k: number) => ({ id: `${tag}-i${n}-e${k}`, at: at + k, interactionId });
  const move = MOVES[n % MOVES.length]!;
  return [
    {
      ...e(0),
      type: 'interaction-started',
      helpdesk: 'zendesk',
      ticketId: String(500_000 + n),
      customerKey: customerKeyOf(n % 5_000),
      channel: 'chat',
      repId: 'rep-bench',
      playbookId: DEFAULT_PLAYBOOK.id,
      playbookVersion: DEFAULT_PLAYBOOK.version,
      variant: '',
    },
    { ...e(1), type: 'step-completed', stepId: STEPS[0]!, auto: false },
    { ...e(2), type: 'step-completed', stepId: STEPS[1]!, auto: true },
    { ...e(3), type: 'step-completed', stepId: STEPS[2]!, auto: false },
    { ...e(4), type: 'resolution-confirmed' },
    { ...e(5), type: 'move-shown', ...move },
    { ...e(6), type: 'move-shown', ...MOVES[(n + 1) % MOVES.length]! },
    { ...e(7), type: 'move-offered', via: 'insert', ...move },
    { ...e(8), type: 'move-outcome', outcome: 'accepted', skipReason: null, ...move },
    { ...e(9), type: 'wrapup', vesAchieveMore: 4, vesConfidence: 5, effort: 6 },
    { ...e(10), type: 'interaction-ended', reason: 'closed' },
  ];
}

/** `count` events (whole interactions, the last one cut short), ids unique per `tag`. */
export function makeEvents(tag: string, count: number): LogEvent[] {
  const out: LogEvent[] = [];
  for (let n = 0; out.length < count; n++) out.push(...interactionEvents(tag, n, NOW - DAY + n * 20));
  return out.slice(0, count);
}

/** Throws with the schema's message if generated data would be refused by the worker. */
export function checkSample(log: Partial<LogData>, events: readonly LogEvent[] = []): void {
  const check = (schema: v.GenericSchema, rows: readonly unknown[] | undefined, what: string) => {
    for (const row of (rows ?? []).slice(0, 50)) {
      const r = v.safeParse(schema, row);
      if (!r.success) throw new Error(`bench data: invalid ${what}: ${r.issues[0]?.message} in ${JSON.stringify(row).slice(0, 300)}`);
    }
  };
  check(interactionSchema, log.interactions, 'interaction');
  check(attemptSchema, log.attempts, 'attempt');
  check(wrapupSchema, log.wrapups, 'wrapup');
  check(logEventSchema, events.slice(0, 22), 'event');
}
