import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../log/types';
import { sampleEvents } from '../metrics/fixtures';
import { decodeEvent, encodeEvent, MAX_WIRE_BYTES } from './wire';

const events = sampleEvents();
const started = events[0] as LogEvent & { type: 'interaction-started' };

describe('wire schema v1', () => {
  it('round-trips every event type', () => {
    for (const e of events) {
      const d = decodeEvent(encodeEvent(e, 'rep-a'), 'rep-a');
      expect(d).toEqual({ ok: true, event: e.type === 'interaction-started' ? { ...e, repId: 'rep-a' } : e });
    }
  });

  it('is flat JSON with schemaVersion 1', () => {
    const body = JSON.parse(encodeEvent(events[1] as LogEvent, 'x'));
    expect(body.schemaVersion).toBe(1);
    expect(body.id).toBe((events[1] as LogEvent).id);
  });

  it('the configured rep id wins on publish over what the rep typed', () => {
    const body = JSON.parse(encodeEvent({ ...started, repId: 'typed-by-rep' }, 'ana'));
    expect(body.repId).toBe('ana');
  });

  it('attack: a rep claims another rep in the body — the subject (tied to its user) wins', () => {
    const forged = encodeEvent({ ...started, repId: 'bob' }, 'bob');
    const d = decodeEvent(forged, 'mallory');
    expect(d.ok && d.event.type === 'interaction-started' && d.event.repId).toBe('mallory');
  });

  it('attack: hostile bodies are refused with a reason, never thrown', () => {
    const cases: [string, string | null, string][] = [
      ['{', 'a', 'not JSON'],
      ['[]', 'a', 'not a JSON object'],
      ['null', 'a', 'not a JSON object'],
      [JSON.stringify({ ...events[1], schemaVersion: 2 }), 'a', 'schemaVersion 2 is not 1'],
      [JSON.stringify(events[1]), 'a', 'schemaVersion missing is not 1'],
      [JSON.stringify({ ...events[1], schemaVersion: 1, extra: '<img onerror>' }), 'a', 'extra: unexpected field'],
      [JSON.stringify({ ...events[1], schemaVersion: 1, __proto__: { polluted: 1 } }), 'a', ''],
      [encodeEvent(events[1] as LogEvent, 'a'), null, 'subject is not <prefix>.<repId>'],
      [`{"schemaVersion":1,"pad":"${'x'.repeat(MAX_WIRE_BYTES)}"}`, 'a', `larger than ${MAX_WIRE_BYTES} bytes`],
    ];
    for (const [data, rep, reason] of cases) {
      const d = decodeEvent(data, rep);
      if (reason === '') continue;
      expect(d).toEqual({ ok: false, reason });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (s) => {
        const d = decodeEvent(s, 'a');
        expect(typeof d.ok).toBe('boolean');
      }),
    );
  });
});
