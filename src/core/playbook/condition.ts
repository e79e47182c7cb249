/**
 * Condition evaluation with explanations. Each condition object is compiled once into closures (cached by
 * object identity) that answer three questions: does it hold, why (for "why this now"), and why not
 * (for "held back"). Explanations are only built for the few moves the panel shows.
 *
 * Three-valued: leaves that read the page are `null` (unknown) when the adapter could not read the
 * ticket. `all`/`any`/`not` follow Kleene logic, so `not` of an unknown is still unknown and a move never
 * becomes eligible on information we do not have.
 */
import type { Outcome } from '../log/types';
import { type FactText, keywordIn, type TicketFacts } from './facts';
import { daysAgo, type HistoryAttempt, plural, reachedCustomer, withinDays } from './history';
import { keywordMatcher } from './keywords';
import { MINUTE_MS } from './limits';
import type { Condition } from './types';

export type Truth = boolean | null;

export interface ChecklistEntry {
  readonly doneAt: number;
  readonly auto: boolean;
}

export interface ConditionEnv {
  /** Null when the page could not be read. */
  readonly facts: TicketFacts | null;
  readonly checklist: Readonly<Record<string, ChecklistEntry>>;
  readonly resolutionConfirmed: boolean;
  readonly now: number;
  readonly startedAt: number;
  readonly history: readonly HistoryAttempt[];
  /** Step titles for explanations; ids are shown when absent. */
  readonly stepTitles?: ReadonlyMap<string, string>;
}

interface Compiled {
  test(env: ConditionEnv): Truth;
  /** Reasons it holds, appended to `out`; only meaningful when `test` is true. */
  met(env: ConditionEnv, out: string[]): void;
  /** Why it does not hold, lower-case; only meaningful when `test` is not true. */
  unmet(env: ConditionEnv): string;
}

export const NO_CONTEXT = 'needs ticket details the page did not show';

const cache = new WeakMap<Condition, Compiled>();

function compiled(c: Condition): Compiled {
  let node = cache.get(c);
  if (node === undefined) {
    node = compile(c);
    cache.set(c, node);
  }
  return node;
}

export function evaluateCondition(c: Condition, env: ConditionEnv): Truth {
  return compiled(c).test(env);
}

/** Human-readable reasons a condition holds (empty for conditions that only exclude, like `not`). */
export function explainMet(c: Condition, env: ConditionEnv): string[] {
  const out: string[] = [];
  compiled(c).met(env, out);
  return out;
}

/** Why a condition does not hold, e.g. "channel is email, needs chat". */
export function explainUnmet(c: Condition, env: ConditionEnv): string {
  return compiled(c).unmet(env);
}

export function isDone(checklist: Readonly<Record<string, ChecklistEntry>>, stepId: string): boolean {
  // hasOwn: a step called "constructor" must not read Object.prototype.
  return Object.hasOwn(checklist, stepId);
}

function compile(c: Condition): Compiled {
  if ('all' in c) return compileAll(c.all.map(compiled));
  if ('any' in c) return compileAny(c.any.map(compiled));
  if ('not' in c) return compileNot(compiled(c.not));
  if ('helpdesk' in c) return pickLeaf('helpdesk', c.helpdesk, (f) => f.context.helpdesk);
  if ('channel' in c) return pickLeaf('channel', c.channel, (f) => f.context.channel);
  if ('status' in c) return pickLeaf('status', c.status, (f) => f.context.status);
  if ('tags' in c) return compileTags(c.tags.any, c.tags.all);
  if ('product' in c) return keywordLeaf(c.product, 'product', (k) => `Product matches '${k}'`, productUnmet);
  if ('customerSays' in c) {
    return messageLeaf(c.customerSays.any, 'customer', (k) => `Customer mentioned '${k}'`, (kws) => `customer has not mentioned ${kws}`);
  }
  if ('agentSays' in c) return messageLeaf(c.agentSays.any, 'agent', (k) => `Agent said '${k}'`, (kws) => `no agent message says ${kws}`);
  if ('elapsedMinutes' in c) return compileElapsed(c.elapsedMinutes.gte, c.elapsedMinutes.lte);
  if ('stepDone' in c) return compileStepDone(c.stepDone);
  if ('resolutionConfirmed' in c) return compileResolution(c.resolutionConfirmed);
  if ('priorAttempts' in c) return compilePriorAttempts(c.priorAttempts);
  if ('priorOutcome' in c) return compilePriorOutcome(c.priorOutcome);
  throw new Error('unreachable: unvalidated condition');
}

function compileAll(children: readonly Compiled[]): Compiled {
  return {
    test(env) {
      let unknown = false;
      for (const child of children) {
        const r = child.test(env);
        if (r === false) return false;
        if (r === null) unknown = true;
      }
      return unknown ? null : true;
    },
    met(env, out) {
      for (const child of children) child.met(env, out);
    },
    unmet(env) {
      let firstUnknown: Compiled | null = null;
      for (const child of children) {
        const r = child.test(env);
        if (r === false) return child.unmet(env);
        if (r === null && firstUnknown === null) firstUnknown = child;
      }
      return firstUnknown ? firstUnknown.unmet(env) : 'condition not met';
    },
  };
}

function compileAny(children: readonly Compiled[]): Compiled {
  return {
    test(env) {
      let unknown = false;
      for (const child of children) {
        const r = child.test(env);
        if (r === true) return true;
        if (r === null) unknown = true;
      }
      return unknown ? null : false;
    },
    met(env, out) {
      for (const child of children) {
        if (child.test(env) === true) return child.met(env, out);
      }
    },
    unmet(env) {
      if (children.length === 0) return 'an empty "any" never matches';
      // An unknown child decides the explanation: that is what keeps the "any" from holding.
      const unknown = children.find((child) => child.test(env) === null);
      if (unknown !== undefined) return unknown.unmet(env);
      const failed = children.map((child) => child.unmet(env));
      const shown = failed.slice(0, 2).join(' and ');
      return failed.length > 2 ? `${shown} (and ${failed.length - 2} more)` : shown;
    },
  };
}

function compileNot(child: Compiled): Compiled {
  return {
    test(env) {
      const r = child.test(env);
      return r === null ? null : !r;
    },
    met() {
      // "Customer did not mention …" is noise in "why this now"; exclusions explain themselves when they bite.
    },
    unmet(env) {
      if (child.test(env) === null) return child.unmet(env);
      const out: string[] = [];
      child.met(env, out);
      return out.length > 0 ? `excluded because ${lowerFirst(out.join('; '))}` : 'excluded by a "not" condition';
    },
  };
}

/** Leaves that read the page: unknown without facts. */
function pageLeaf(test: (f: TicketFacts) => boolean, met: (f: TicketFacts) => string, unmet: (f: TicketFacts) => string): Compiled {
  return {
    test: (env) => (env.facts === null ? null : test(env.facts)),
    met(env, out) {
      if (env.facts !== null) out.push(met(env.facts));
    },
    unmet: (env) => (env.facts === null ? NO_CONTEXT : unmet(env.facts)),
  };
}

function pickLeaf<T extends string>(what: string, allowed: readonly T[], read: (f: TicketFacts) => T): Compiled {
  return pageLeaf(
    (f) => allowed.includes(read(f)),
    (f) => `${upperFirst(what)} is ${read(f)}`,
    (f) => `${what} is ${read(f)}, needs ${orList(allowed)}`,
  );
}

function compileTags(any: readonly string[] | undefined, all: readonly string[] | undefined): Compiled {
  const anyTags = any?.map((t) => t.trim().toLowerCase());
  const allTags = all?.map((t) => t.trim().toLowerCase());
  return pageLeaf(
    (f) => (anyTags === undefined || anyTags.some((t) => f.tags.has(t))) && (allTags === undefined || allTags.every((t) => f.tags.has(t))),
    (f) => {
      const shown = [...(anyTags?.filter((t) => f.tags.has(t)).slice(0, 1) ?? []), ...(allTags ?? [])];
      return `Tagged ${andList([...new Set(shown)].map(quote))}`;
    },
    (f) => {
      if (anyTags !== undefined && !anyTags.some((t) => f.tags.has(t))) return `not tagged ${orList(anyTags.map(quote))}`;
      const missing = allTags?.find((t) => !f.tags.has(t)) ?? '';
      return `missing tag ${quote(missing)}`;
    },
  );
}

function keywordLeaf(
  keywords: readonly string[],
  where: FactText,
  met: (label: string) => string,
  unmet: (f: TicketFacts, keywordList: string) => string,
): Compiled {
  const matcher = keywordMatcher(keywords);
  const list = orList(matcher.labels.map(quote));
  return pageLeaf(
    (f) => keywordIn(f, matcher, where) !== null,
    (f) => met(keywordIn(f, matcher, where) ?? ''),
    (f) => unmet(f, list),
  );
}

/**
 * Keywords in the customer's or the agent's messages. A hit only in a message whose sender the page did
 * not mark makes the leaf unknown: it is never the agent's word (a customer typing "anything else?" must
 * not confirm resolution) and, for `not customerSays`, may well be the customer's.
 */
function messageLeaf(keywords: readonly string[], who: 'customer' | 'agent', met: (label: string) => string, unmet: (keywordList: string) => string): Compiled {
  const matcher = keywordMatcher(keywords);
  const list = orList(matcher.labels.map(quote));
  const unknownHit = (f: TicketFacts) => (keywordIn(f, matcher, who) === null ? keywordIn(f, matcher, 'unknown') : null);
  return {
    test(env) {
      if (env.facts === null) return null;
      if (keywordIn(env.facts, matcher, who) !== null) return true;
      return unknownHit(env.facts) === null ? false : null;
    },
    met(env, out) {
      const hit = env.facts === null ? null : keywordIn(env.facts, matcher, who);
      if (hit !== null) out.push(met(hit));
    },
    unmet(env) {
      if (env.facts === null) return NO_CONTEXT;
      const hit = unknownHit(env.facts);
      return hit === null ? unmet(list) : `${quote(hit)} is only in a message whose sender the page did not show`;
    },
  };
}

function productUnmet(f: TicketFacts, list: string): string {
  const product = f.context.product;
  if (!product) return `no product on the ticket, needs ${list}`;
  return `product is ${quote(product.length > 60 ? `${product.slice(0, 59)}…` : product)}, needs ${list}`;
}

function compileElapsed(gte: number | undefined, lte: number | undefined): Compiled {
  const minutes = (env: ConditionEnv) => (env.now - env.startedAt) / MINUTE_MS;
  return {
    test(env) {
      const m = minutes(env);
      return (gte === undefined || m >= gte) && (lte === undefined || m <= lte);
    },
    met(env, out) {
      out.push(`${plural(Math.floor(minutes(env)), 'minute')} into the interaction`);
    },
    unmet(env) {
      const m = minutes(env);
      const need = gte !== undefined && m < gte ? `at least ${gte}` : `at most ${lte}`;
      return `${plural(Math.floor(m), 'minute')} in, needs ${need}`;
    },
  };
}

function compileStepDone(stepId: string): Compiled {
  const title = (env: ConditionEnv) => quote(env.stepTitles?.get(stepId) ?? stepId);
  return {
    test: (env) => isDone(env.checklist, stepId),
    met(env, out) {
      out.push(`Step ${title(env)} done`);
    },
    unmet: (env) => `step ${title(env)} not done yet`,
  };
}

function compileResolution(wanted: boolean): Compiled {
  return {
    test: (env) => env.resolutionConfirmed === wanted,
    met(_env, out) {
      out.push(wanted ? 'Resolution confirmed' : 'Resolution not confirmed yet');
    },
    unmet: () => (wanted ? 'resolution not confirmed yet' : 'resolution already confirmed'),
  };
}

function compilePriorAttempts(p: {
  readonly withinDays: number;
  readonly gte?: number;
  readonly lte?: number;
  readonly kind?: string;
  readonly moveId?: string;
}): Compiled {
  const count = (env: ConditionEnv) => {
    let n = 0;
    for (const a of env.history) {
      if (!reachedCustomer(a) || !withinDays(env.now, a.at, p.withinDays)) continue;
      if ((p.kind === undefined || a.kind === p.kind) && (p.moveId === undefined || a.moveId === p.moveId)) n++;
    }
    return n;
  };
  const [one, many] =
    p.moveId !== undefined
      ? [`offer of ${quote(p.moveId)}`, `offers of ${quote(p.moveId)}`]
      : p.kind === 'usage-tip'
        ? ['usage tip', 'usage tips']
        : p.kind === 'confidence'
          ? ['confidence move', 'confidence moves']
          : ['VE offer', 'VE offers'];
  const what = (n: number) => plural(n, one, many);
  const window = `in the last ${plural(p.withinDays, 'day')}`;
  return {
    test(env) {
      const n = count(env);
      return (p.gte === undefined || n >= p.gte) && (p.lte === undefined || n <= p.lte);
    },
    met(env, out) {
      // An "at most" cap only excludes (like `not`); only a minimum is a reason to show something.
      if (p.gte === undefined) return;
      out.push(`${what(count(env))} to this customer ${window}`);
    },
    unmet(env) {
      const n = count(env);
      const need = p.gte !== undefined && n < p.gte ? `at least ${p.gte}` : `at most ${p.lte}`;
      return `${what(n)} to this customer ${window}, needs ${need}`;
    },
  };
}

const OUTCOME_VERB: Record<Outcome, string> = {
  offered: 'offered',
  accepted: 'accepted',
  declined: 'declined',
  'not-a-fit': 'skipped as not a fit',
};

function compilePriorOutcome(p: { readonly outcome: readonly Outcome[]; readonly withinDays: number; readonly moveId?: string }): Compiled {
  const latest = (env: ConditionEnv): HistoryAttempt | null => {
    let best: HistoryAttempt | null = null;
    for (const a of env.history) {
      if (a.outcome === null || !p.outcome.includes(a.outcome) || !withinDays(env.now, a.at, p.withinDays)) continue;
      if (p.moveId !== undefined && a.moveId !== p.moveId) continue;
      if (best === null || a.at > best.at) best = a;
    }
    return best;
  };
  const subject = p.moveId === undefined ? 'an earlier VE' : quote(p.moveId);
  return {
    test: (env) => latest(env) !== null,
    met(env, out) {
      const a = latest(env);
      if (a !== null && a.outcome !== null) out.push(`${upperFirst(subject)} was ${OUTCOME_VERB[a.outcome]} ${daysAgo(env.now, a.at)}`);
    },
    unmet: () => `${subject} was not ${orList(p.outcome.map((o) => OUTCOME_VERB[o]))} in the last ${plural(p.withinDays, 'day')}`,
  };
}

function quote(s: string): string {
  return `'${s}'`;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** "a", "a or b", "a, b or c", "a, b, c or 4 more". */
function orList(items: readonly string[]): string {
  return joinList(items, 'or');
}

function andList(items: readonly string[]): string {
  return joinList(items, 'and');
}

function joinList(items: readonly string[], word: string): string {
  if (items.length > 4) return `${items.slice(0, 3).join(', ')} ${word} ${items.length - 3} more`;
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}
