import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { makeAttempt, makeInteraction, makeWrapup, sampleEvents, T0 } from '../metrics/fixtures';
import { parseBackup, serializeBackup } from './backup';
import type { LogEvent } from './types';
import {
  attemptSchema,
  importTooLarge,
  interactionSchema,
  issueMessage,
  issuePath,
  type LogEventSchemaTypes,
  logEventSchema,
  MAX_IMPORT_BYTES,
  utf8ByteLength,
  wrapupSchema,
} from './validate';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** First issue as `path: message`, or 'ok'. */
function check(schema: v.GenericSchema<unknown>, input: unknown): string {
  const r = v.safeParse(schema, input);
  if (r.success) return 'ok';
  const issue = r.issues[0];
  return `${issuePath(issue)}: ${issueMessage(issue)}`;
}

const started = sampleEvents()[0] as LogEvent;
const outcome = sampleEvents()[6] as LogEvent;

describe('logEventSchema', () => {
  it('covers every event type', () => {
    const covered: Same<LogEventSchemaTypes, LogEvent['type']> = true;
    expect(covered).toBe(true);
  });

  it('accepts one valid event of every type', () => {
    const events = sampleEvents();
    expect(new Set(events.map((e) => e.type)).size).toBe(9);
    for (const e of events) expect(check(logEventSchema, e)).toBe('ok');
  });

  it('returns the parsed event unchanged', () => {
    for (const e of sampleEvents()) expect(v.parse(logEventSchema, e)).toEqual(e);
  });

  it('refuses unknown fields, naming them', () => {
    expect(check(logEventSchema, { ...started, text: 'conversation' })).toBe('text: unexpected field');
  });

  it('refuses a missing field', () => {
    const { ticketId: _t, ...rest } = started as Extract<LogEvent, { type: 'interaction-started' }>;
    expect(check(logEventSchema, rest)).toBe('ticketId: missing');
  });

  it('refuses unknown event types', () => {
    expect(check(logEventSchema, { ...started, type: 'move-hidden' })).toBe('type: unknown event type "move-hidden"');
    expect(check(logEventSchema, 'hello')).toMatch(/^: /);
    expect(check(logEventSchema, null)).not.toBe('ok');
  });

  it('caps ids at 100 characters and free text at 500', () => {
    expect(check(logEventSchema, { ...started, id: 'x'.repeat(100) })).toBe('ok');
    expect(check(logEventSchema, { ...started, id: 'x'.repeat(101) })).toBe('id: longer than 100 characters (101)');
    expect(check(logEventSchema, { ...started, repId: 'r'.repeat(500) })).toBe('ok');
    expect(check(logEventSchema, { ...started, repId: 'r'.repeat(501) })).toBe('repId: longer than 500 characters (501)');
    expect(check(logEventSchema, { ...outcome, moveTitle: 't'.repeat(501) })).toMatch(/^moveTitle: longer than 500/);
  });

  it('refuses empty ids and ids with control characters', () => {
    expect(check(logEventSchema, { ...started, interactionId: '' })).toBe('interactionId: must not be empty');
    expect(check(logEventSchema, { ...started, id: 'a\nb' })).toBe('id: contains control characters');
  });

  it('allows an empty ticket id, playbook and variant (the page may not show them)', () => {
    expect(check(logEventSchema, { ...started, ticketId: '', playbookId: '', variant: '' })).toBe('ok');
  });

  it('wants a plausible epoch-milliseconds time', () => {
    for (const at of [Number.NaN, Number.POSITIVE_INFINITY, T0 + 0.5, 1_715_000_000, Date.UTC(2101, 0, 1), '2024-05-06']) {
      expect(check(logEventSchema, { ...started, at })).toMatch(/^at: /);
    }
    expect(check(logEventSchema, { ...started, at: 1_715_000_000 })).toBe('at: is before 2015 — not a plausible time');
  });

  it('checks enumerations and says what is allowed', () => {
    expect(check(logEventSchema, { ...started, channel: 'fax' })).toBe('channel: expected one of chat, email, phone, other; got "fax"');
    expect(check(logEventSchema, { ...outcome, outcome: 'maybe' })).toBe(
      'outcome: expected one of offered, accepted, declined, not-a-fit; got "maybe"',
    );
  });

  it('wants customer keys to be a SHA-256 hex hash or empty', () => {
    expect(check(logEventSchema, { ...started, customerKey: '' })).toBe('ok');
    expect(check(logEventSchema, { ...started, customerKey: 'maria@example.com' })).toMatch(/^customerKey: expected a 64-character hex/);
  });

  it('allows a skip reason only on not-a-fit', () => {
    expect(check(logEventSchema, { ...outcome, skipReason: 'other' })).toBe('skipReason: a skip reason only goes with not-a-fit');
    expect(check(logEventSchema, { ...outcome, outcome: 'not-a-fit', skipReason: null })).toBe('ok');
    expect(check(logEventSchema, { ...outcome, outcome: 'not-a-fit', skipReason: 'bored' })).toMatch(/^skipReason: expected one of/);
  });

  it('checks the wrap-up scales: VES 1–5, effort 1–7, whole numbers or null', () => {
    const wrap = sampleEvents()[8] as LogEvent;
    expect(check(logEventSchema, { ...wrap, vesAchieveMore: 1, vesConfidence: 5, effort: 1 })).toBe('ok');
    expect(check(logEventSchema, { ...wrap, vesAchieveMore: null, vesConfidence: null, effort: null })).toBe('ok');
    expect(check(logEventSchema, { ...wrap, vesAchieveMore: 6 })).toBe('vesAchieveMore: expected 1–5');
    expect(check(logEventSchema, { ...wrap, vesConfidence: 0 })).toBe('vesConfidence: expected 1–5');
    expect(check(logEventSchema, { ...wrap, effort: 8 })).toBe('effort: expected 1–7');
    expect(check(logEventSchema, { ...wrap, effort: 3.5 })).toBe('effort: expected a whole number 1–7');
    expect(check(logEventSchema, { ...wrap, effort: '7' })).toMatch(/^effort: expected a score/);
  });
});

describe('attemptSchema', () => {
  it('accepts a valid attempt, including one logged before its interaction started', () => {
    expect(check(attemptSchema, makeAttempt())).toBe('ok');
    const early = makeAttempt({ ticketId: '', repId: '', playbookId: '', variant: '', playbookVersion: 0, helpdesk: 'custom', channel: 'other' });
    expect(check(attemptSchema, early)).toBe('ok');
  });

  it('wants the id to be <interactionId>:<moveId>', () => {
    expect(check(attemptSchema, makeAttempt({ id: 'i1:m2' }))).toBe('id: must be <interactionId>:<moveId>');
  });

  it('keeps outcome and outcomeAt together, and skip reasons on not-a-fit', () => {
    expect(check(attemptSchema, makeAttempt({ outcome: 'accepted' }))).toBe('outcomeAt: outcome and outcomeAt must both be set or both be null');
    expect(check(attemptSchema, makeAttempt({ outcome: 'accepted', outcomeAt: T0, skipReason: 'other' }))).toBe(
      'skipReason: a skip reason only goes with not-a-fit',
    );
    expect(check(attemptSchema, makeAttempt({ outcome: 'not-a-fit', outcomeAt: T0, skipReason: 'other' }))).toBe('ok');
  });

  it('refuses negative or fractional playbook versions', () => {
    expect(check(attemptSchema, makeAttempt({ playbookVersion: -1 }))).toBe('playbookVersion: must not be negative');
    expect(check(attemptSchema, makeAttempt({ playbookVersion: 1.5 }))).toBe('playbookVersion: expected a whole version number');
  });
});

describe('interactionSchema', () => {
  it('accepts a valid interaction', () => {
    expect(check(interactionSchema, makeInteraction())).toBe('ok');
    expect(check(interactionSchema, makeInteraction({ resolvedAt: null, endedAt: null, endReason: null, steps: {} }))).toBe('ok');
  });

  it('keeps endedAt and endReason together', () => {
    expect(check(interactionSchema, makeInteraction({ endReason: null }))).toBe('endReason: endedAt and endReason must both be set or both be null');
  });

  it('checks step times, with the step id in the path', () => {
    expect(check(interactionSchema, makeInteraction({ steps: { 'step one': 5 } }))).toBe('steps["step one"]: is before 2015 — not a plausible time');
    expect(check(interactionSchema, { ...makeInteraction(), steps: [] })).toMatch(/^steps: expected an object/);
  });

  it('caps the number of steps', () => {
    const steps = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`s${i}`, T0]));
    expect(check(interactionSchema, makeInteraction({ steps }))).toBe('steps: more than 200 steps');
  });

  it('does not let __proto__ through', () => {
    const input = JSON.parse(`{"steps":{"__proto__":{"polluted":1}},${JSON.stringify(makeInteraction()).slice(1).replace(/"steps":\{[^}]*\},/, '')}`);
    // Refused by name (v.record alone would drop the key silently), and nothing is polluted on the way.
    expect(check(interactionSchema, input)).toMatch(/^steps: a step id may not be __proto__/);
    expect(check(interactionSchema, { ...makeInteraction(), steps: { constructor: 5 } })).toMatch(/^steps: a step id may not be/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('wrapupSchema', () => {
  it('accepts a valid wrap-up and refuses out-of-scale answers', () => {
    expect(check(wrapupSchema, makeWrapup())).toBe('ok');
    expect(check(wrapupSchema, makeWrapup({ effort: 0 }))).toBe('effort: expected 1–7');
    expect(check(wrapupSchema, { ...makeWrapup(), note: 'x' })).toBe('note: unexpected field');
  });
});

describe('issuePath', () => {
  it('prefixes array paths', () => {
    const r = v.safeParse(v.array(attemptSchema), [makeAttempt(), makeAttempt({ outcome: 'nope' as never, outcomeAt: T0 })]);
    expect(r.success).toBe(false);
    if (!r.success) expect(issuePath(r.issues[0], 'attempts')).toBe('attempts[1].outcome');
  });
});

describe('import size', () => {
  it('counts UTF-8 bytes exactly', () => {
    for (const s of ['', 'abc', 'José Müller', '€', '😀', '\ud800x']) {
      expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('refuses more than 100 MB, naming the file', () => {
    expect(importTooLarge('small', 'a.csv')).toBeNull();
    const big = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1);
    expect(importTooLarge(big, 'team.csv')).toMatch(/^"team.csv" is larger than 100 MB/);
  });

  it('counts UTF-8 bytes, not characters, where the length alone cannot decide (three-byte characters at the limit)', () => {
    const fits = Math.floor(MAX_IMPORT_BYTES / 3);
    expect(importTooLarge('€'.repeat(fits), 'at-limit.csv')).toBeNull();
    expect(importTooLarge('€'.repeat(fits + 1), 'over.csv')).toMatch(/^"over.csv" is larger than 100 MB/);
  });
});

describe('times are bounded by this computer\'s clock (issue 15 #9)', () => {
  const now = Date.now();
  it('accepts now and a day of clock skew, refuses anything later (a row dated 2099 would never be purged)', () => {
    expect(check(attemptSchema, makeAttempt({ loggedAt: now }))).toBe('ok');
    expect(check(attemptSchema, makeAttempt({ loggedAt: now + 23 * 3_600_000 }))).toBe('ok');
    expect(check(attemptSchema, makeAttempt({ loggedAt: Date.UTC(2099, 0, 1) }))).toBe('loggedAt: is in the future (more than a day ahead of this computer\'s clock)');
    expect(check(logEventSchema, { ...started, at: now + 2 * 86_400_000 })).toBe('at: is in the future (more than a day ahead of this computer\'s clock)');
    expect(check(wrapupSchema, makeWrapup({ at: now + 2 * 86_400_000 }))).toMatch(/^at: is in the future/);
  });
});

describe('a backup row dated 2099 (issue 15 #9)', () => {
  it('is skipped with its path and reason; the valid rows are kept', () => {
    const future = makeAttempt({ id: 'future', loggedAt: Date.UTC(2099, 0, 1) });
    const r = parseBackup(serializeBackup({ events: [], interactions: [], attempts: [makeAttempt(), future], wrapups: [] }), 'rep-a.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.backup.attempts.map((a) => a.id)).toEqual([makeAttempt().id]);
    expect(r.skipped).toEqual([{ path: 'attempts[1].loggedAt', message: "is in the future (more than a day ahead of this computer's clock)" }]);
  });
});
