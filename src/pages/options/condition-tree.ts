/**
 * Edits on condition trees for the condition builder. Conditions have one operator key each; groups
 * (`all`/`any`) hold a list and `not` holds one child. All edits return new objects.
 */
import type { Condition, ConditionKey } from '../../core/playbook';

export const GROUP_KEYS = ['all', 'any'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Condition kinds as the builder offers them, grouped for the kind picker. */
export const CONDITION_GROUPS: readonly { readonly group: 'combine' | 'ticket' | 'checklist' | 'history'; readonly keys: readonly ConditionKey[] }[] = [
  { group: 'combine', keys: ['all', 'any', 'not'] },
  { group: 'ticket', keys: ['customerSays', 'agentSays', 'tags', 'product', 'channel', 'status', 'helpdesk', 'elapsedMinutes'] },
  { group: 'checklist', keys: ['stepDone', 'resolutionConfirmed'] },
  { group: 'history', keys: ['priorAttempts', 'priorOutcome'] },
];

export function conditionKey(c: Condition): ConditionKey {
  return Object.keys(c)[0] as ConditionKey;
}

export interface ConditionDefaults {
  /** Step ids in checklist order; `stepDone` starts on the first. */
  readonly stepIds: readonly string[];
}

/**
 * A starting condition of each kind. Where the schema allows it, the default is already valid; keyword
 * and tag lists start empty, so the field shows "must not be empty" until the author fills it.
 */
export function defaultCondition(key: ConditionKey, d: ConditionDefaults): Condition {
  switch (key) {
    case 'all':
      return { all: [] };
    case 'any':
      return { any: [] };
    case 'not':
      return { not: { customerSays: { any: [] } } };
    case 'helpdesk':
      return { helpdesk: ['zendesk'] };
    case 'channel':
      return { channel: ['chat'] };
    case 'status':
      return { status: ['solved'] };
    case 'tags':
      return { tags: { any: [] } };
    case 'product':
      return { product: [] };
    case 'customerSays':
      return { customerSays: { any: [] } };
    case 'agentSays':
      return { agentSays: { any: [] } };
    case 'elapsedMinutes':
      return { elapsedMinutes: { gte: 5 } };
    case 'stepDone':
      return { stepDone: d.stepIds[0] ?? '' };
    case 'resolutionConfirmed':
      return { resolutionConfirmed: true };
    case 'priorAttempts':
      return { priorAttempts: { withinDays: 90, lte: 3 } };
    case 'priorOutcome':
      return { priorOutcome: { outcome: ['declined'], withinDays: 14 } };
  }
}

/**
 * Changing a node's kind keeps what it can: all ↔ any keep their children, a leaf turned into a group
 * becomes its first child, "not" wraps the old condition, and a "not" turned into a group keeps its child.
 */
export function convertCondition(c: Condition, to: ConditionKey, d: ConditionDefaults): Condition {
  const from = conditionKey(c);
  if (from === to) return c;
  const kids = childrenOf(c);
  if (to === 'all' || to === 'any') {
    if (kids !== null) return to === 'all' ? { all: kids } : { any: kids };
    const inner = 'not' in c ? [c.not] : [c];
    return to === 'all' ? { all: inner } : { any: inner };
  }
  if (to === 'not') {
    if (kids !== null && kids.length === 1) return { not: kids[0] as Condition };
    return { not: c };
  }
  return defaultCondition(to, d);
}

export function childrenOf(c: Condition): readonly Condition[] | null {
  if ('all' in c) return c.all;
  if ('any' in c) return c.any;
  return null;
}

export function withChildren(c: Condition, children: readonly Condition[]): Condition {
  if ('all' in c) return { all: children };
  if ('any' in c) return { any: children };
  return c;
}

/** `obj` with `key` set, or without `key` when `value` is undefined (never a stored `undefined`). */
export function setField<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const out = { ...obj };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

/** Step ids a condition refers to with `stepDone`, in document order (iterative walk). */
export function stepRefs(root: Condition): string[] {
  const out: string[] = [];
  const stack: Condition[] = [root];
  while (stack.length > 0) {
    const c = stack.pop() as Condition;
    if ('stepDone' in c) out.push(c.stepDone);
    const kids = childrenOf(c);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Condition);
    else if ('not' in c) stack.push(c.not);
  }
  return out;
}

/** Renames `stepDone` references (used when a step's id is edited), iteratively; unchanged subtrees keep identity. */
export function renameStepRefs(root: Condition, from: string, to: string): Condition {
  const rename = (c: Condition, depth: number): Condition => {
    if (depth > 64) return c;
    if ('stepDone' in c) return c.stepDone === from ? { stepDone: to } : c;
    if ('not' in c) {
      const inner = rename(c.not, depth + 1);
      return inner === c.not ? c : { not: inner };
    }
    const kids = childrenOf(c);
    if (kids === null) return c;
    const next = kids.map((k) => rename(k, depth + 1));
    return next.every((k, i) => k === kids[i]) ? c : withChildren(c, next);
  };
  return rename(root, 0);
}
