/**
 * The JSON backup a rep saves and a team lead merges: the whole local log in one file.
 *
 * Reading is defensive because the file may come from anyone: size is checked before anything is read,
 * syntax and nesting depth are checked by one iterative scan before `JSON.parse` (so a hostile
 * `[[[[…` cannot exhaust the stack anywhere, and a syntax error gets a line and column on every
 * browser — engines word `JSON.parse` errors differently, some without a position), then the envelope
 * must be exactly ours, and only then is each record validated on its own: a bad record is skipped and
 * reported by path, the good ones are kept.
 */
import * as v from 'valibot';
import type { Attempt, Interaction, LogEvent, Review, Wrapup } from './types';
import {
  attemptSchema,
  importTooLarge,
  interactionSchema,
  issueMessage,
  issuePath,
  logEventSchema,
  reviewSchema,
  timeSchema,
  wrapupSchema,
} from './validate';

export const BACKUP_FORMAT = 'resolve-plus-backup';
export const BACKUP_VERSION = 1;
/**
 * Deepest nesting a backup needs is 4 (root → interactions → interaction → steps); 8 leaves room for
 * later versions while refusing anything built to hurt.
 */
export const MAX_BACKUP_DEPTH = 8;
/** A report with a million lines helps nobody; past this the rest are summarised in one line. */
export const MAX_REPORTED_PROBLEMS = 1_000;

export interface BackupContents {
  readonly salt?: string;
  readonly events: readonly LogEvent[];
  readonly interactions: readonly Interaction[];
  readonly attempts: readonly Attempt[];
  readonly wrapups: readonly Wrapup[];
  /** Team leads' ratings; optional so backups written before reviews travelled still read. */
  readonly reviews?: readonly Review[];
}

export interface Backup extends BackupContents {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly exportedAt: number;
  readonly events: LogEvent[];
  readonly interactions: Interaction[];
  readonly attempts: Attempt[];
  readonly wrapups: Wrapup[];
  readonly reviews: Review[];
}

export interface BackupProblem {
  /** Where in the file: `attempts[12].outcome`, or '' for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export type BackupParseResult =
  | { readonly ok: true; readonly backup: Backup; readonly skipped: BackupProblem[] }
  | { readonly ok: false; readonly errors: BackupProblem[] };

const RECORD_SCHEMAS = {
  events: logEventSchema,
  interactions: interactionSchema,
  attempts: attemptSchema,
  wrapups: wrapupSchema,
  reviews: reviewSchema,
} as const;
type RecordKey = keyof typeof RECORD_SCHEMAS;
const RECORD_KEYS = Object.keys(RECORD_SCHEMAS) as RecordKey[];

const list = v.array(v.unknown(), 'expected a list');
const envelopeSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: timeSchema,
  // The team salt for customer keys, so merged logs recognise the same customer.
  salt: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{16,128}$/, 'expected 16–128 hex characters'))),
  events: list,
  interactions: list,
  attempts: list,
  wrapups: list,
  reviews: v.optional(list, []),
});

export function parseBackup(text: string, fileName: string): BackupParseResult {
  const fail = (message: string, path = ''): BackupParseResult => ({ ok: false, errors: [{ path, message }] });

  const tooLarge = importTooLarge(text, fileName);
  if (tooLarge) return fail(tooLarge);

  // Editors on Windows like to add a byte-order mark, which JSON.parse refuses.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJson(body, MAX_BACKUP_DEPTH);
  if (scan) {
    const { line, column } = lineAndColumn(body, scan.offset);
    return fail(`"${fileName}" is not valid JSON: ${scan.problem} at line ${line}, column ${column}.`);
  }
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (e) {
    // The scan accepts exactly JSON's grammar, so this is not expected; say what the engine said.
    return fail(`"${fileName}" is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }

  const kind = identify(root, fileName);
  if (kind) return fail(kind);

  const envelope = v.safeParse(envelopeSchema, root);
  if (!envelope.success) {
    return {
      ok: false,
      errors: envelope.issues.map((issue) => ({
        path: issuePath(issue),
        message: `"${fileName}": ${issuePath(issue) || 'backup'}: ${issueMessage(issue)}`,
      })),
    };
  }

  const skipped: BackupProblem[] = [];
  let unreported = 0;
  const kept = { events: [], interactions: [], attempts: [], wrapups: [], reviews: [] } as {
    [K in RecordKey]: unknown[];
  };
  for (const key of RECORD_KEYS) {
    const schema: v.GenericSchema<unknown> = RECORD_SCHEMAS[key];
    const items = envelope.output[key];
    for (let i = 0; i < items.length; i++) {
      // abortEarly: one reason per skipped record is enough, and a garbage record stays cheap.
      const r = v.safeParse(schema, items[i], { abortEarly: true });
      if (r.success) {
        kept[key].push(r.output);
        continue;
      }
      const issue = r.issues[0];
      if (skipped.length < MAX_REPORTED_PROBLEMS) {
        skipped.push({ path: issuePath(issue, `${key}[${i}]`), message: issueMessage(issue) });
      } else unreported++;
    }
  }
  if (unreported > 0) {
    skipped.push({ path: '', message: `… and ${unreported.toLocaleString('en')} more invalid records in "${fileName}", also skipped` });
  }

  const { salt, exportedAt } = envelope.output;
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    ...(salt === undefined ? {} : { salt }),
    events: kept.events as LogEvent[],
    interactions: kept.interactions as Interaction[],
    attempts: kept.attempts as Attempt[],
    wrapups: kept.wrapups as Wrapup[],
    reviews: kept.reviews as Review[],
  };
  return { ok: true, backup, skipped };
}

/** Clear words for the usual wrong files, before the schema's field-by-field wording. */
function identify(root: unknown, fileName: string): string | null {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    return `"${fileName}" is not a Resolve Plus backup (expected a JSON object with "format": "${BACKUP_FORMAT}").`;
  }
  const { format, version } = root as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) {
    return `"${fileName}" is not a Resolve Plus backup (its "format" is ${format === undefined ? 'missing' : JSON.stringify(format)}).`;
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return `"${fileName}" is a version ${version} backup from a newer Resolve Plus; update the extension to read it.`;
  }
  if (version !== BACKUP_VERSION) {
    return `"${fileName}" has an unsupported backup version ${JSON.stringify(version ?? null)} (this extension reads version ${BACKUP_VERSION}).`;
  }
  return null;
}

export function serializeBackup(contents: BackupContents, exportedAt: number = Date.now()): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    ...(contents.salt === undefined ? {} : { salt: contents.salt }),
    events: [...contents.events],
    interactions: [...contents.interactions],
    attempts: [...contents.attempts],
    wrapups: [...contents.wrapups],
    reviews: [...(contents.reviews ?? [])],
  };
  return JSON.stringify(backup);
}

/** 1-based line and column (in UTF-16 units) of `offset`; CRLF, LF and lone CR each end a line. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** What the JSON scanner expects next. */
const EXPECT = {
  value: 0,
  valueOrClose: 1,
  key: 2,
  keyOrClose: 3,
  colon: 4,
  commaOrClose: 5,
  end: 6,
} as const;
type Expect = (typeof EXPECT)[keyof typeof EXPECT];

/**
 * One iterative pass over JSON's grammar (RFC 8259): `null` when `text` is valid JSON nested at most
 * `maxDepth` deep, else the first problem and its offset. Its own explicit stack, no recursion.
 */
export function scanJson(text: string, maxDepth: number): { offset: number; problem: string } | null {
  const n = text.length;
  /** Open containers: true = object, false = array. */
  const stack: boolean[] = [];
  let expect: Expect = EXPECT.value;
  let i = 0;
  let problem = '';
  let at = 0;
  const error = (message: string, offset: number) => {
    problem = message;
    at = offset;
    return -1;
  };

  const string = (start: number): number => {
    for (let j = start + 1; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x22) return j + 1;
      if (c < 0x20) return error('control character inside a string (write it as \\n, \\t, …)', j);
      if (c === 0x5c) {
        const e = text.charCodeAt(j + 1);
        if (e === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return error('bad \\u escape', j);
          j += 5;
        } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
          j += 1;
        } else return error('bad escape in a string', j);
      }
    }
    return error('unterminated string', start);
  };

  const digits = (j: number): number => {
    let k = j;
    while (k < n && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
    return k;
  };
  const number = (start: number): number => {
    let j = start;
    if (text.charCodeAt(j) === 0x2d) j++;
    if (text.charCodeAt(j) === 0x30) j++;
    else {
      const k = digits(j);
      if (k === j) return error('bad number', start);
      j = k;
    }
    if (text.charCodeAt(j) === 0x2e) {
      const k = digits(j + 1);
      if (k === j + 1) return error('bad number (digits expected after ".")', start);
      j = k;
    }
    const e = text.charCodeAt(j);
    if (e === 0x65 || e === 0x45) {
      j++;
      const s = text.charCodeAt(j);
      if (s === 0x2b || s === 0x2d) j++;
      const k = digits(j);
      if (k === j) return error('bad number (digits expected in exponent)', start);
      j = k;
    }
    return j;
  };

  const describe = (offset: number) => {
    const ch = String.fromCodePoint(text.codePointAt(offset) ?? 0);
    return `unexpected ${JSON.stringify(ch)}`;
  };

  while (true) {
    let c = text.charCodeAt(i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++i);
    if (i >= n) break;
    let end = -2; // ≥ 0: a value ended at `end`; -1: error; -2: no value this step

    switch (expect) {
      case EXPECT.value:
      case EXPECT.valueOrClose: {
        if (c === 0x5d && expect === EXPECT.valueOrClose) {
          stack.pop();
          end = i + 1;
        } else if (c === 0x7b || c === 0x5b) {
          stack.push(c === 0x7b);
          if (stack.length > maxDepth) return { offset: i, problem: `nested more than ${maxDepth} levels deep` };
          expect = c === 0x7b ? EXPECT.keyOrClose : EXPECT.valueOrClose;
          i++;
        } else if (c === 0x22) end = string(i);
        else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) end = number(i);
        else if (text.startsWith('true', i)) end = i + 4;
        else if (text.startsWith('false', i)) end = i + 5;
        else if (text.startsWith('null', i)) end = i + 4;
        else end = error(expect === EXPECT.valueOrClose ? `${describe(i)} (expected a value or "]")` : `${describe(i)} (expected a value)`, i);
        break;
      }
      case EXPECT.key:
      case EXPECT.keyOrClose: {
        if (c === 0x7d && expect === EXPECT.keyOrClose) {
          stack.pop();
          end = i + 1;
        } else if (c === 0x22) {
          const k = string(i);
          if (k < 0) end = -1;
          else {
            i = k;
            expect = EXPECT.colon;
          }
        } else end = error(`${describe(i)} (expected a property name in double quotes)`, i);
        break;
      }
      case EXPECT.colon:
        if (c === 0x3a) {
          expect = EXPECT.value;
          i++;
        } else end = error(`${describe(i)} (expected ":")`, i);
        break;
      case EXPECT.commaOrClose: {
        const inObject = stack[stack.length - 1] === true;
        if (c === 0x2c) {
          expect = inObject ? EXPECT.key : EXPECT.value;
          i++;
        } else if (c === (inObject ? 0x7d : 0x5d)) {
          stack.pop();
          end = i + 1;
        } else end = error(`${describe(i)} (expected "," or "${inObject ? '}' : ']'}")`, i);
        break;
      }
      case EXPECT.end:
        end = error(`${describe(i)} after the end of the data`, i);
        break;
    }
    if (end === -1) return { offset: at, problem };
    if (end >= 0) {
      // A value (scalar or closed container) is complete.
      i = end;
      expect = stack.length === 0 ? EXPECT.end : EXPECT.commaOrClose;
    }
  }
  if (expect !== EXPECT.end) return { offset: n, problem: n === 0 ? 'the file is empty' : 'unexpected end of the file' };
  return null;
}
