/**
 * Pre-check for a value handed to `parsePlaybook` before valibot sees it. Valibot recurses, so depth is
 * bounded here first, iteratively; the same walk refuses anything JSON could not have produced
 * (functions, class instances, cycles, NaN), too many values and too much text.
 */
import { formatBytes } from './json-text';
import { PLAYBOOK_LIMITS } from './limits';
import type { PlaybookIssue } from './types';

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Frame | null;
  readonly key: string | number | null;
}

export function checkPlainData(input: unknown): PlaybookIssue | null {
  const stack: Frame[] = [{ value: input, depth: 0, parent: null, key: null }];
  let nodes = 0;
  let textUnits = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value } = frame;
    if (++nodes > PLAYBOOK_LIMITS.maxNodes) return { path: ROOT_PATH, message: `more than ${PLAYBOOK_LIMITS.maxNodes} values` };
    if (value === null || typeof value === 'boolean') continue;
    // JSON.stringify drops undefined properties, so an object built in code may carry them.
    if (value === undefined && typeof frame.key === 'string') continue;
    if (typeof value === 'string') {
      textUnits += value.length;
      if (textUnits > PLAYBOOK_LIMITS.maxBytes) return { path: ROOT_PATH, message: `more than ${formatBytes(PLAYBOOK_LIMITS.maxBytes)} of text` };
      continue;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { path: pathOf(frame), message: `expected a finite number, got ${value}` };
      continue;
    }
    if (typeof value !== 'object') return { path: pathOf(frame), message: `expected JSON data, got ${typeof value}` };
    const depth = frame.depth + 1;
    // A cycle is infinitely deep, so the depth limit also catches it.
    if (depth > PLAYBOOK_LIMITS.maxJsonDepth) return { path: pathOf(frame), message: `nested deeper than ${PLAYBOOK_LIMITS.maxJsonDepth} levels` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth, parent: frame, key: i });
      continue;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return { path: pathOf(frame), message: 'expected a plain object' };
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      stack.push({ value: (value as Record<string, unknown>)[key], depth, parent: frame, key });
    }
  }
  return null;
}

function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | null = frame; f !== null; f = f.parent) if (f.key !== null) keys.push(f.key);
  return formatPath(keys.reverse());
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of the whole input, e.g. for "expected an object" or a JSON syntax error. */
export const ROOT_PATH = '$';

/** `moves[3].when.any[0]`; odd keys are quoted: `appliesTo["a b"]`; no keys is `$`. */
export function formatPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
  }
  return out === '' ? ROOT_PATH : out;
}
