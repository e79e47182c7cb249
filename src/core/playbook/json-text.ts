/**
 * Checks playbook JSON text before `JSON.parse`: size, syntax and nesting depth, in one iterative pass.
 * Our own scan (rather than JSON.parse's error) gives the same line/column message in every browser —
 * V8 sometimes omits the position and Firefox words it differently — and measures depth without building
 * the structure, so a 100k-deep `[[[[…` is refused after reading `maxDepth` brackets.
 */
import { PLAYBOOK_LIMITS } from './limits';

export type JsonTextCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** UTF-8 size without allocating (TextEncoder would copy a 10 MB string just to measure it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/**
 * Size check. The exact UTF-8 size is measured up to 16× the limit; beyond that the UTF-16 length is a
 * lower bound and is reported as "at least", so a 1 GB paste costs no more than a 16 MB one.
 */
export function checkSize(text: string, maxBytes: number = PLAYBOOK_LIMITS.maxBytes): JsonTextCheck {
  if (text.length * 3 <= maxBytes) return { ok: true };
  const exact = text.length <= maxBytes * 16;
  const bytes = exact ? utf8Length(text) : text.length;
  if (bytes <= maxBytes) return { ok: true };
  return { ok: false, message: `playbook file is ${exact ? '' : 'at least '}${formatBytes(bytes)}; the limit is ${formatBytes(maxBytes)}` };
}

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

const ARRAY = 0;
const OBJECT = 1;

/** Validates JSON syntax and nesting depth. Never throws; O(length) time, O(depth) memory. */
export function scanJson(text: string, maxDepth: number = PLAYBOOK_LIMITS.maxJsonDepth): JsonTextCheck {
  const stack: number[] = [];
  let expect: Expect = EXPECT.value;
  let i = 0;
  const n = text.length;
  const error = (at: number, what: string): JsonTextCheck => ({ ok: false, message: `invalid JSON at ${where(text, at)}: ${what}` });

  while (true) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    if (i >= n) return expect === EXPECT.end ? { ok: true } : error(i, n === 0 ? 'the file is empty' : 'unexpected end of input');
    const ch = text[i] as string;

    if (expect === EXPECT.end) return error(i, `unexpected ${describe(ch)} after the end of the JSON value`);

    if (expect === EXPECT.colon) {
      if (ch !== ':') return error(i, `expected ':' after the property name, found ${describe(ch)}`);
      i++;
      expect = EXPECT.value;
      continue;
    }

    if (expect === EXPECT.commaOrClose) {
      const top = stack[stack.length - 1];
      if (ch === ',') {
        i++;
        expect = top === OBJECT ? EXPECT.key : EXPECT.value;
      } else if ((ch === ']' && top === ARRAY) || (ch === '}' && top === OBJECT)) {
        i++;
        stack.pop();
        expect = stack.length === 0 ? EXPECT.end : EXPECT.commaOrClose;
      } else return error(i, `expected ',' or '${top === OBJECT ? '}' : ']'}', found ${describe(ch)}`);
      continue;
    }

    if (expect === EXPECT.key || expect === EXPECT.keyOrClose) {
      if (ch === '}' && expect === EXPECT.keyOrClose) {
        i++;
        stack.pop();
        expect = stack.length === 0 ? EXPECT.end : EXPECT.commaOrClose;
        continue;
      }
      if (ch !== '"') return error(i, `expected a property name in double quotes, found ${describe(ch)}`);
      const end = scanString(text, i);
      if (end < 0) return error(-end, stringError(text, -end));
      i = end;
      expect = EXPECT.colon;
      continue;
    }

    // expect is value or valueOrClose
    if (ch === ']' && expect === EXPECT.valueOrClose) {
      i++;
      stack.pop();
      expect = stack.length === 0 ? EXPECT.end : EXPECT.commaOrClose;
      continue;
    }
    if (ch === '[' || ch === '{') {
      if (stack.length >= maxDepth) return { ok: false, message: `nested deeper than ${maxDepth} levels at ${where(text, i)}` };
      stack.push(ch === '[' ? ARRAY : OBJECT);
      i++;
      expect = ch === '[' ? EXPECT.valueOrClose : EXPECT.keyOrClose;
      continue;
    }
    let end: number;
    if (ch === '"') {
      end = scanString(text, i);
      if (end < 0) return error(-end, stringError(text, -end));
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      end = scanNumber(text, i);
      if (end < 0) return error(-end, 'malformed number');
    } else if (text.startsWith('true', i)) end = i + 4;
    else if (text.startsWith('false', i)) end = i + 5;
    else if (text.startsWith('null', i)) end = i + 4;
    else return error(i, `unexpected ${describe(ch)}`);
    i = end;
    expect = stack.length === 0 ? EXPECT.end : EXPECT.commaOrClose;
  }
}

/** Returns the index after the closing quote, or -(index of the problem). */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i;
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -i;
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else return -i;
    } else i++;
  }
  return -text.length;
}

function stringError(text: string, at: number): string {
  if (at >= text.length) return 'unterminated string';
  if (text.charCodeAt(at) < 0x20) return 'control character inside a string (use \\n for line breaks)';
  return 'invalid escape sequence in a string';
}

function scanNumber(text: string, start: number): number {
  let i = start;
  const digits = () => {
    const from = i;
    while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i - from;
  };
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (digits() === 0) return -start;
  if (text[i] === '.') {
    i++;
    if (digits() === 0) return -start;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (digits() === 0) return -start;
  }
  return i;
}

function describe(ch: string): string {
  return ch === "'" ? `"'"` : `'${ch}'`;
}

/** "line 3, column 14 (position 52)" — lines and columns from 1, position from 0 like JSON.parse. */
function where(text: string, at: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${at - lineStart + 1} (position ${at})`;
}
