import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeAttempt, makeInteraction, makeWrapup, sampleEvents, T0 } from '../metrics/fixtures';
import {
  BACKUP_FORMAT,
  type BackupContents,
  lineAndColumn,
  MAX_BACKUP_DEPTH,
  MAX_REPORTED_PROBLEMS,
  parseBackup,
  scanJson,
  serializeBackup,
} from './backup';
import { MAX_IMPORT_BYTES } from './validate';

const contents: BackupContents = {
  salt: '0123456789abcdef0123456789abcdef',
  events: sampleEvents(),
  interactions: [makeInteraction(), makeInteraction({ id: 'i2', resolvedAt: null, endedAt: null, endReason: null, steps: {} })],
  attempts: [makeAttempt(), makeAttempt({ moveId: 'm2', outcome: 'not-a-fit', outcomeAt: T0, skipReason: 'customer-upset' })],
  wrapups: [makeWrapup(), makeWrapup({ interactionId: 'i2', vesAchieveMore: null })],
  reviews: [{ attemptId: 'i1:m1', resolutionFirst: true, fit: false, tone: null, note: 'good timing', reviewedAt: T0 + 60_000 }],
};

function envelope(): Record<string, unknown> {
  return JSON.parse(serializeBackup(contents, T0)) as Record<string, unknown>;
}

function errorsOf(text: string, file = 'rep-a.json'): string[] {
  const r = parseBackup(text, file);
  if (r.ok) throw new Error('expected the backup to be refused');
  return r.errors.map((e) => e.message);
}

describe('serializeBackup / parseBackup', () => {
  it('round-trips every record', () => {
    const r = parseBackup(serializeBackup(contents, T0), 'rep-a.json');
    expect(r).toEqual({ ok: true, skipped: [], backup: { format: BACKUP_FORMAT, version: 1, exportedAt: T0, ...contents } });
  });

  it('reads a backup written before reviews travelled, and skips a bad review by path', () => {
    const { reviews: _r, ...old } = envelope();
    const r = parseBackup(JSON.stringify(old), 'old.json');
    expect(r.ok && r.backup.reviews).toEqual([]);
    const bad = { ...envelope(), reviews: [{ ...contents.reviews![0], fit: 'yes' }] };
    const b = parseBackup(JSON.stringify(bad), 'bad.json');
    expect(b.ok && b.skipped.map((p) => p.path)).toEqual(['reviews[0].fit']);
  });

  it('round-trips without a salt', () => {
    const { salt: _s, ...rest } = contents;
    const r = parseBackup(serializeBackup(rest, T0), 'rep-a.json');
    expect(r.ok && 'salt' in r.backup).toBe(false);
  });

  it('tolerates a byte-order mark', () => {
    expect(parseBackup(`\uFEFF${serializeBackup(contents, T0)}`, 'bom.json').ok).toBe(true);
  });
});

describe('parseBackup refuses whole files', () => {
  it('over 100 MB, before parsing anything', () => {
    const huge = ' '.repeat(MAX_IMPORT_BYTES + 1);
    expect(errorsOf(huge, 'huge.json')[0]).toMatch(/^"huge.json" is larger than 100 MB/);
  });

  it('that are not JSON, with line and column', () => {
    expect(errorsOf('{\n  "format": "resolve-plus-backup",\n  "version": 1,,\n}')).toEqual([
      '"rep-a.json" is not valid JSON: unexpected "," (expected a property name in double quotes) at line 3, column 16.',
    ]);
    expect(errorsOf('attempt_id,logged_at\r\n1,2')[0]).toBe(
      '"rep-a.json" is not valid JSON: unexpected "a" (expected a value) at line 1, column 1.',
    );
    expect(errorsOf('{"a": [1, 2')[0]).toMatch(/unexpected end of the file at line 1, column 12\.$/);
    expect(errorsOf('')[0]).toMatch(/the file is empty/);
  });

  it('that are JSON but not ours', () => {
    expect(errorsOf('[1, 2]')[0]).toMatch(/^"rep-a.json" is not a Resolve Plus backup \(expected a JSON object/);
    expect(errorsOf('{"format": "other-tool"}')[0]).toBe('"rep-a.json" is not a Resolve Plus backup (its "format" is "other-tool").');
    expect(errorsOf('{}')[0]).toBe('"rep-a.json" is not a Resolve Plus backup (its "format" is missing).');
  });

  it('from a newer or unknown version', () => {
    expect(errorsOf(JSON.stringify({ ...envelope(), version: 2 }))[0]).toMatch(/version 2 backup from a newer Resolve Plus/);
    expect(errorsOf(JSON.stringify({ ...envelope(), version: '1' }))[0]).toMatch(/unsupported backup version "1"/);
  });

  it('with a bad envelope, naming the field', () => {
    expect(parseBackup(JSON.stringify({ ...envelope(), extra: true }), 'x.json')).toEqual({
      ok: false,
      errors: [{ path: 'extra', message: '"x.json": extra: unexpected field' }],
    });
    expect(errorsOf(JSON.stringify({ ...envelope(), attempts: {} }))).toEqual(['"rep-a.json": attempts: expected a list']);
    expect(errorsOf(JSON.stringify({ ...envelope(), salt: 'not hex' }))).toEqual(['"rep-a.json": salt: expected 16–128 hex characters']);
  });

  it('nested too deep, found without recursion', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(errorsOf(deep)[0]).toBe(`"rep-a.json" is not valid JSON: nested more than ${MAX_BACKUP_DEPTH} levels deep at line 1, column 9.`);
    const inRecord = JSON.stringify({ ...envelope(), events: [{ a: { b: { c: { d: { e: { f: {} } } } } } }] });
    expect(errorsOf(inRecord)[0]).toMatch(/nested more than 8 levels deep/);
  });
});

describe('parseBackup skips bad records and keeps good ones', () => {
  it('reports each by path', () => {
    const good = makeAttempt({ moveId: 'ok' });
    const text = JSON.stringify({
      ...envelope(),
      attempts: [good, { ...good, outcome: 'maybe', outcomeAt: T0 }, 'nonsense'],
      events: [...sampleEvents(), { ...sampleEvents()[0], secret: 'x' }],
      wrapups: [makeWrapup({ effort: 9 })],
    });
    const r = parseBackup(text, 'rep-a.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.backup.attempts).toEqual([good]);
    expect(r.backup.events).toEqual(sampleEvents());
    expect(r.backup.wrapups).toEqual([]);
    expect(r.backup.interactions).toHaveLength(2);
    expect(r.skipped).toEqual([
      { path: 'events[10].secret', message: 'unexpected field' },
      { path: 'attempts[1].outcome', message: 'expected one of offered, accepted, declined, not-a-fit; got "maybe"' },
      { path: 'attempts[2]', message: 'expected an object, got "nonsense"' },
      { path: 'wrapups[0].effort', message: 'expected 1–7' },
    ]);
  });

  it('summarises past the report limit', () => {
    const bad = Array.from({ length: MAX_REPORTED_PROBLEMS + 5 }, () => 1);
    const r = parseBackup(JSON.stringify({ ...envelope(), events: bad }), 'big.json');
    expect(r.ok && r.skipped.length).toBe(MAX_REPORTED_PROBLEMS + 1);
    expect(r.ok && r.skipped.at(-1)).toEqual({ path: '', message: '… and 5 more invalid records in "big.json", also skipped' });
  });
});

describe('scanJson', () => {
  const valid = [
    '0',
    '-0.5e+10',
    '"a\\"b\\u00e9\\n"',
    'true',
    ' null ',
    '[]',
    '{}',
    '[1,[2,{"a":[]}],"x"]',
    '{"a":1,"b":{"c":false}}',
    '\t{\r\n"k" : [ ] }\n',
  ];
  const invalid = ['', '01', '1.', '.5', '-', '1e', '+1', "'a'", '"a', '"\n"', '"\\x"', '"\\u12"', '[1,]', '{"a":1,}', '{a:1}', '{"a" 1}', '[1 2]', 'nul', 'true false', '[}', '{]', 'NaN'];

  it('agrees with JSON.parse', () => {
    for (const t of valid) {
      expect(() => JSON.parse(t)).not.toThrow();
      expect(scanJson(t, 8), t).toBeNull();
    }
    for (const t of invalid) {
      expect(() => JSON.parse(t), t).toThrow();
      expect(scanJson(t, 8), t).not.toBeNull();
    }
  });

  it('agrees with JSON.parse on generated and damaged JSON', () => {
    const parses = (t: string) => {
      try {
        JSON.parse(t);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.json({ depthSize: 'medium' }), fc.nat(), fc.string({ unit: 'binary', maxLength: 3 }), (json, cut, noise) => {
        expect(scanJson(json, 1_000)).toBeNull();
        const at = cut % (json.length + 1);
        const damaged = json.slice(0, at) + noise + json.slice(at + 1);
        expect(scanJson(damaged, 1_000) === null).toBe(parses(damaged));
      }),
      { numRuns: 2_000 },
    );
    // ~1 s alone; the timeout only bounds a hang on a loaded machine, it is not a speed check.
  }, 60_000);

  it('counts depth from the root', () => {
    expect(scanJson('[[[]]]', 3)).toBeNull();
    expect(scanJson('[[[[]]]]', 3)).toEqual({ offset: 3, problem: 'nested more than 3 levels deep' });
  });
});

describe('lineAndColumn', () => {
  it('counts LF, CRLF and CR line ends', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\rcd', 3)).toEqual({ line: 2, column: 1 });
  });
});

describe('parseBackup envelope times', () => {
  it('wants a plausible exportedAt', () => {
    const text = serializeBackup(contents, 1_715_000_000);
    expect(errorsOf(text)).toEqual(['"rep-a.json": exportedAt: is before 2015 — not a plausible time']);
  });
});
