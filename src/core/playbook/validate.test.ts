import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from './default-playbook';
import { lintPlaybook } from './lint';
import { arbPlaybook, move, playbook, step } from './test-fixtures';
import type { Condition, ParseResult, Playbook } from './types';
import { formatIssueText, parsePlaybook, parsePlaybookJson } from './validate';

/** Parse a JSON-ish object (a mutable copy of the default playbook, say) and return "path: message" lines. */
function errorsOf(input: unknown): string[] {
  const result = parsePlaybook(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatIssueText);
}

function jsonErrors(text: string): string[] {
  const result = parsePlaybookJson(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatIssueText);
}

/** A deep mutable copy to break in one place. */
// biome-ignore lint/suspicious/noExplicitAny: these tests break playbooks in arbitrary places on purpose
function copy<T>(value: T): any {
  return JSON.parse(JSON.stringify(value));
}

function expectOk(result: ParseResult): Playbook {
  if (!result.ok) throw new Error(result.errors.map(formatIssueText).join('\n'));
  return result.playbook;
}

describe('parsePlaybook: good input', () => {
  it('accepts a minimal playbook and freezes it', () => {
    const pb = expectOk(parsePlaybook(playbook({ moves: [move('tip')] })));
    expect(pb.moves[0]?.id).toBe('tip');
    expect(Object.isFrozen(pb)).toBe(true);
    expect(Object.isFrozen(pb.moves[0]?.when)).toBe(true);
  });

  it('accepts a resolution rule instead of a confirming step', () => {
    const pb = playbook({ checklist: [step('fix')], resolutionRule: { status: ['solved'] } });
    expect(parsePlaybook(pb).ok).toBe(true);
  });

  it('accepts script-looking text as text (rendered inert) and lint flags it', () => {
    const pb = expectOk(parsePlaybook(playbook({ moves: [move('x', { text: 'See <script>alert(1)</script> for {product}' })] })));
    expect(pb.moves[0]?.text).toContain('<script>');
    expect(lintPlaybook(pb).map(formatIssueText)).toEqual(['moves[0].text: looks like HTML or script; it is shown and sent as plain text, never run']);
  });

  it('round-trips the default playbook through JSON', () => {
    expect(expectOk(parsePlaybookJson(JSON.stringify(DEFAULT_PLAYBOOK)))).toEqual(DEFAULT_PLAYBOOK);
  });
});

describe('parsePlaybook: errors with exact paths', () => {
  it('names an unknown field on the condition that has it', () => {
    const pb = copy(DEFAULT_PLAYBOOK);
    pb.moves[3].when = { any: [{ regex: '.*' }] };
    expect(errorsOf(pb)).toEqual(['moves[3].when.any[0]: unknown field "regex"']);
  });

  it('reports unknown and missing fields on objects', () => {
    const pb = copy(DEFAULT_PLAYBOOK);
    pb.checklist[1].requried = true;
    delete pb.moves[0].title;
    pb.settings.extra = 1;
    expect(errorsOf(pb)).toEqual(['checklist[1]: unknown field "requried"', 'moves[0]: missing field "title"', 'settings: unknown field "extra"']);
  });

  it('reports wrong types and bad enum values', () => {
    const pb = copy(DEFAULT_PLAYBOOK);
    pb.settings.maxMovesShown = '2';
    pb.moves[1].kind = 'upsell';
    pb.moves[2].when = { channel: ['sms'] };
    pb.checklist = {};
    expect(errorsOf(pb)).toEqual([
      'checklist: expected a list, got an object',
      'moves[1].kind: expected one of "usage-tip", "confidence", got "upsell"',
      'moves[2].when.channel[0]: expected one of "chat", "email", "phone", "other", got "sms"',
      'settings.maxMovesShown: expected a number, got "2"',
    ]);
  });

  it('reports a condition with two operators or none', () => {
    const pb = playbook({ moves: [move('a', { when: { all: [{ channel: ['chat'], status: ['open'] } as never, {} as never] } })] });
    expect(errorsOf(pb)).toEqual([
      'moves[0].when.all[0]: a condition has exactly one operator, found "channel", "status": combine them with {"all": [...]}',
      'moves[0].when.all[1]: empty condition: use one of all, any, not, helpdesk, channel, status, tags, product, customerSays, agentSays, elapsedMinutes, stepDone, resolutionConfirmed, priorAttempts, priorOutcome',
    ]);
  });

  it('enforces string limits', () => {
    const pb = playbook({ checklist: [step('a', { title: 'x'.repeat(121), confirmsResolution: true })], moves: [move('m', { text: 'y'.repeat(1001) })] });
    expect(errorsOf(pb)).toEqual(['checklist[0].title: too long (121 characters, max 120)', 'moves[0].text: too long (1001 characters, max 1000)']);
    expect(parsePlaybook(playbook({ moves: [move('m', { text: 'y'.repeat(1000), title: 't'.repeat(120) })] })).ok).toBe(true);
  });

  it('rejects bad ids, numbers and keywords', () => {
    const pb = playbook({
      id: 'Not A Slug',
      version: 0,
      moves: [move('m', { cooldownDays: 1.5, when: { customerSays: { any: ['', 'a*b'] } } })],
    });
    expect(errorsOf(pb)).toEqual([
      'id: must be a slug: lowercase letters and digits separated by single hyphens, e.g. "care-tip"',
      'version: must be 1 or more',
      'moves[0].when.customerSays.any[0]: needs at least one letter or digit',
      'moves[0].when.customerSays.any[1]: "*" is only allowed at the end (word prefix)',
      'moves[0].cooldownDays: must be a whole number of days',
    ]);
  });

  it('rejects duplicate ids', () => {
    const pb = playbook({ checklist: [step('a', { confirmsResolution: true }), step('b'), step('a')], moves: [move('m'), move('m')] });
    expect(errorsOf(pb)).toEqual(['checklist[2].id: duplicate step id "a" (also checklist[0])', 'moves[1].id: duplicate move id "m" (also moves[0])']);
  });

  it('rejects stepDone referring to a missing step', () => {
    const pb = playbook({ moves: [move('m', { when: { all: [{ not: { stepDone: 'nope' } }] } })] });
    expect(errorsOf(pb)).toEqual(['moves[0].when.all[0].not.stepDone: unknown step "nope"']);
  });

  it('rejects cycles among steps, including through resolutionConfirmed', () => {
    const direct = playbook({
      checklist: [step('a', { when: { stepDone: 'b' } }), step('b', { autoComplete: { stepDone: 'a' } }), step('c', { confirmsResolution: true })],
    });
    expect(errorsOf(direct)).toEqual(['checklist[0]: steps depend on each other in a cycle: a → b → a']);

    const viaResolution = playbook({
      checklist: [step('a', { when: { resolutionConfirmed: true } }), step('c', { confirmsResolution: true, autoComplete: { stepDone: 'a' } })],
    });
    expect(errorsOf(viaResolution)).toEqual(['checklist[0]: steps depend on each other in a cycle: a → c → a']);

    const self = playbook({ checklist: [step('a', { confirmsResolution: true, autoComplete: { stepDone: 'a' } })] });
    expect(errorsOf(self)).toEqual(['checklist[0]: steps depend on each other in a cycle: a → a']);

    // Forward references without a way back are fine.
    expect(parsePlaybook(playbook({ checklist: [step('a', { when: { stepDone: 'b' } }), step('b', { confirmsResolution: true })] })).ok).toBe(true);
  });

  it('rejects unknown placeholders', () => {
    const pb = playbook({ moves: [move('m', { text: 'Hi {customer.email}, {product} {notes} {not a placeholder}' })] });
    expect(errorsOf(pb)).toEqual([
      'moves[0].text: unknown placeholder "{customer.email}"; available: {customer.firstName}, {customer.name}, {product}, {ticket.id}, {agent.name}',
      'moves[0].text: unknown placeholder "{notes}"; available: {customer.firstName}, {customer.name}, {product}, {ticket.id}, {agent.name}',
    ]);
  });

  it('requires exactly one way to confirm resolution', () => {
    expect(errorsOf(playbook({ checklist: [step('a')] }))).toEqual([
      'checklist: nothing confirms resolution: set "confirmsResolution": true on one step or add a "resolutionRule" (moves wait for it)',
    ]);
    expect(errorsOf(playbook({ checklist: [step('a', { confirmsResolution: true }), step('b', { confirmsResolution: true })] }))).toEqual([
      'checklist[1].confirmsResolution: only one step can confirm resolution (checklist[0] already does)',
    ]);
    expect(errorsOf(playbook({ checklist: [step('a', { confirmsResolution: true, when: { channel: ['chat'] } })] }))).toEqual([
      'checklist[0].when: the step that confirms resolution must always apply; remove "when"',
    ]);
    expect(errorsOf(playbook({ checklist: [step('a')], resolutionRule: { resolutionConfirmed: true } }))).toEqual([
      'resolutionRule.resolutionConfirmed: the resolution rule cannot depend on resolutionConfirmed (it defines it)',
    ]);
  });

  it('limits condition depth to 8', () => {
    let when: Condition = { channel: ['chat'] };
    for (let i = 0; i < 7; i++) when = { not: when };
    expect(parsePlaybook(playbook({ moves: [move('m', { when })] })).ok).toBe(true);
    expect(errorsOf(playbook({ moves: [move('m', { when: { not: when } })] }))).toEqual([
      `moves[0].when${'.not'.repeat(8)}: conditions are nested deeper than 8 levels`,
    ]);
  });

  it('validates the A/B test', () => {
    const pb = playbook({ abTest: { labelA: 'a', labelB: 'a', shareB: 1.5, movesB: [move('m', { text: '{oops}' })] } });
    expect(errorsOf(pb)).toEqual(['abTest.shareB: must be between 0 and 1']);
    expect(errorsOf(playbook({ abTest: { labelA: 'a', labelB: 'a', shareB: 0.5, movesB: [move('m', { text: '{oops}' })] } }))).toEqual([
      'abTest.labelB: must differ from labelA',
      'abTest.movesB[0].text: unknown placeholder "{oops}"; available: {customer.firstName}, {customer.name}, {product}, {ticket.id}, {agent.name}',
    ]);
  });

  it('treats "__proto__" as an unknown field, not a prototype', () => {
    expect(jsonErrors(JSON.stringify(DEFAULT_PLAYBOOK).replace('"settings":', '"__proto__":{"polluted":true},"settings":'))).toEqual([
      '$: unknown field "__proto__"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses non-JSON values passed from code', () => {
    const cyclic = copy(DEFAULT_PLAYBOOK);
    cyclic.moves[0].when = { not: cyclic.moves[0] };
    expect(errorsOf(cyclic)[0]).toMatch(/^moves\[0\]\.when\.not(\.when\.not)*: nested deeper than 32 levels$/);
    expect(errorsOf({ ...copy(DEFAULT_PLAYBOOK), version: Number.NaN })).toEqual(['version: expected a finite number, got NaN']);
    expect(errorsOf({ ...copy(DEFAULT_PLAYBOOK), appliesTo: new Map() })).toEqual(['appliesTo: expected a plain object']);
    expect(errorsOf([])).toEqual(['$: expected an object, got a list']);
  });
});

describe('parsePlaybookJson: text-level checks', () => {
  it('reports syntax errors with line, column and position', () => {
    expect(jsonErrors('{"id": }')).toEqual(["$: invalid JSON at line 1, column 8 (position 7): unexpected '}'"]);
    expect(jsonErrors('{\n  "id": "a",\n  "name" "b"\n}')).toEqual(["$: invalid JSON at line 3, column 10 (position 24): expected ':' after the property name, found '\"'"]);
    expect(parsePlaybookJson(`\uFEFF${JSON.stringify(DEFAULT_PLAYBOOK)}`).ok).toBe(true);
    expect(jsonErrors('')).toEqual(['$: invalid JSON at line 1, column 1 (position 0): the file is empty']);
    expect(jsonErrors('{"a": 1} x')).toEqual(["$: invalid JSON at line 1, column 10 (position 9): unexpected 'x' after the end of the JSON value"]);
    expect(jsonErrors('{"a": "\u0001"}')).toEqual(['$: invalid JSON at line 1, column 8 (position 7): control character inside a string (use \\n for line breaks)']);
    expect(jsonErrors('[01]')).toEqual(["$: invalid JSON at line 1, column 3 (position 2): expected ',' or ']', found '1'"]);
  });

  // Accidental quadratic work on 10 MB would not finish inside the 60 s timeout; no stopwatch (issue 20).
  it('rejects text over 1 MB, saying the size', () => {
    const errors = jsonErrors(`{"name": "${'x'.repeat(10 * 1024 * 1024)}"}`);
    expect(errors).toEqual(['$: playbook file is 10.0 MB; the limit is 1.0 MB']);
    expect(jsonErrors(`"${'é'.repeat(600_000)}"`)).toEqual(['$: playbook file is 1.1 MB; the limit is 1.0 MB']);
  }, 60_000);

  it('rejects 100k-deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(jsonErrors(deep)).toEqual(['$: nested deeper than 32 levels at line 1, column 33 (position 32)']);
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(errorsOf(value)).toEqual([`${'[0]'.repeat(32)}: nested deeper than 32 levels`]);
  });
});

describe('validator properties', () => {
  it('never throws on arbitrary JSON and always explains a rejection', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const result of [parsePlaybook(value), parsePlaybookJson(JSON.stringify(value) ?? 'null')]) {
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const e of result.errors) {
              expect(e.path.length).toBeGreaterThan(0);
              expect(e.message.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parsePlaybookJson(text);
        expect(result.ok || result.errors.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with JSON.parse on which texts are JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 30 }), fc.json().map((j) => j.slice(0, -1))), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const result = parsePlaybookJson(text);
        const syntaxError = !result.ok && result.errors.some((e) => e.message.startsWith('invalid JSON'));
        expect(syntaxError).toBe(!valid);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts generated valid playbooks and round-trips them through JSON', () => {
    fc.assert(
      fc.property(arbPlaybook, (pb) => {
        const first = expectOk(parsePlaybook(pb));
        expect(first).toEqual(pb);
        expect(expectOk(parsePlaybookJson(JSON.stringify(first)))).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('points an unknown field at the object that has it', () => {
    fc.assert(
      fc.property(arbPlaybook.filter((pb) => pb.moves.length > 0), fc.nat(), (pb, n) => {
        const i = n % pb.moves.length;
        const broken = copy(pb);
        broken.moves[i].surprise = 1;
        expect(errorsOf(broken)).toEqual([`moves[${i}]: unknown field "surprise"`]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('ids that plain objects already answer (issue 15 #9)', () => {
  it('a step or move id "constructor", "prototype" or "__proto__" is refused with a clear error', () => {
    expect(errorsOf(playbook({ checklist: [step('constructor', { confirmsResolution: true })] }))).toEqual([
      'checklist[0].id: "constructor" is a reserved name; choose another id',
    ]);
    expect(errorsOf(playbook({ moves: [move('prototype')] }))).toEqual(['moves[0].id: "prototype" is a reserved name; choose another id']);
    expect(errorsOf(playbook({ checklist: [step('__proto__', { confirmsResolution: true })] }))[0]).toMatch(/^checklist\[0\]\.id: /);
  });
});
