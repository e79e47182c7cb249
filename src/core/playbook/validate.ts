/**
 * Entry points for untrusted playbooks (imported files, synced settings, the options-page editor).
 * Layers, cheapest first: size → JSON syntax and depth (own scanner, iterative) → plain-data walk
 * (iterative depth, node and text bounds) → valibot schema → cross-field rules. Each layer protects the
 * next: valibot recurses, so it only ever sees data whose depth is already bounded. Never throws.
 */
import * as v from 'valibot';
import { deepFreeze } from './freeze';
import { checkSize, scanJson } from './json-text';
import { PLAYBOOK_LIMITS } from './limits';
import { checkPlainData, formatPath, ROOT_PATH } from './plain-data';
import { checkRules } from './rules';
import { PlaybookSchema } from './schema';
import type { ParseResult, Playbook, PlaybookIssue } from './types';

export function parsePlaybookJson(raw: string): ParseResult {
  if (typeof raw !== 'string') return failed({ path: ROOT_PATH, message: 'expected JSON text' });
  // Editors on Windows like to save a byte-order mark; it is not content.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const size = checkSize(text);
  if (!size.ok) return failed({ path: ROOT_PATH, message: size.message });
  const syntax = scanJson(text);
  if (!syntax.ok) return failed({ path: ROOT_PATH, message: syntax.message });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // The scanner accepts only valid JSON, so this is a scanner bug; still an error, not a crash.
    return failed({ path: ROOT_PATH, message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` });
  }
  return parsePlaybook(data);
}

export function parsePlaybook(input: unknown): ParseResult {
  try {
    const shape = checkPlainData(input);
    if (shape !== null) return failed(shape);
    const result = v.safeParse(PlaybookSchema, input, { abortEarly: false });
    if (!result.success) return { ok: false, errors: unique(result.issues.map(formatIssue)).slice(0, PLAYBOOK_LIMITS.maxErrors) };
    const playbook: Playbook = result.output;
    const errors = checkRules(playbook);
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, playbook: deepFreeze(playbook) };
  } catch {
    // Only reachable with exotic objects (throwing getters, proxies) passed from code.
    return failed({ path: ROOT_PATH, message: 'could not read the playbook data' });
  }
}

/** `moves[3].when.any[0]: unknown field "regex"`; `$: …` is about the whole input. */
export function formatIssueText(issue: PlaybookIssue): string {
  return `${issue.path}: ${issue.message}`;
}

function failed(issue: PlaybookIssue): ParseResult {
  return { ok: false, errors: [issue] };
}

function unique(issues: PlaybookIssue[]): PlaybookIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = formatIssueText(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Valibot issue → `{path, message}`. Field-level problems (unknown or missing key) are reported on the
 * object that has them, naming the field: `moves[3]: missing field "title"`.
 */
function formatIssue(issue: v.BaseIssue<unknown>): PlaybookIssue {
  const items = issue.path ?? [];
  const keys = items.map((item) => item.key as string | number);
  const last = items[items.length - 1];
  if (last !== undefined && last.type === 'object' && last.origin === 'key') {
    const field = JSON.stringify(String(last.key));
    return { path: formatPath(keys.slice(0, -1)), message: issue.expected === 'never' ? `unknown field ${field}` : `missing field ${field}` };
  }
  return { path: formatPath(keys), message: messageOf(issue) };
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  Array: 'a list',
  Object: 'an object',
};

function messageOf(issue: v.BaseIssue<unknown>): string {
  // Validation actions and our own `custom` failures carry hand-written messages.
  if (issue.kind !== 'schema' || issue.type === 'custom') return issue.message;
  if (issue.type === 'picklist') {
    const options = (issue.expected ?? '').replace(/^\((.*)\)$/, '$1').split(' | ');
    return `expected one of ${options.join(', ')}, got ${describe(issue.input)}`;
  }
  return `expected ${EXPECTED[issue.expected ?? ''] ?? issue.expected}, got ${describe(issue.input)}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
