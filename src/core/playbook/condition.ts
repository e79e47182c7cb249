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
import { type HistoryAttempt, reachedCustomer, withinDays } from './history';
import { keywordMatcher } from './keywords';
import { MINUTE_MS } from './limits';
import type { Condition } from './types';
import { count, daysAgoIn, joinList, type ReasonCode, type Say } from './wording';

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
  /**
   * The language explanations are written in (wording-en.ts `english`, or the panel's catalogue). Required,
   * so the English table stays out of bundles that bring their own (the content script).
   */
  readonly say: Say;
  /**
   * One evaluation pass (`newPass()`): a sub-condition that several conditions of a playbook share (see
   * `shareSubConditions`) is tested once per pass instead of once per move. Every env object must have a
   * pass of its own (never copy one into a changed env), or none, which turns the sharing off.
   */
  readonly pass?: number;
}

let passes = 0;
/** A fresh pass number for a new `ConditionEnv`. */
export function newPass(): number {
  passes = (passes + 1) % Number.MAX_SAFE_INTEGER;
  return passes;
}

const sayIn = (env: ConditionEnv): Say => env.say;

/**
 * Text that depends only on the language (keyword lists, "customer has not mentioned …"), built once per
 * `Say`: held-back explanations are rebuilt on every page change for every move.
 */
function perSay(build: (say: Say) => string): (say: Say) => string {
  let lastSay: Say | null = null;
  let last = '';
  return (say) => {
    if (say !== lastSay) {
      last = build(say);
      lastSay = say;
    }
    return last;
  };
}

interface Compiled {
  test(env: ConditionEnv): Truth;
  /** Reasons it holds, appended to `out`; only meaningful when `test` is true. */
  met(env: ConditionEnv, out: string[]): void;
  /** Why it does not hold, lower-case; only meaningful when `test` is not true. */
  unmet(env: ConditionEnv): string;
}

const cache = new WeakMap<Condition, Compiled>();

function compiled(c: Condition): Compiled {
  let node = cache.get(c);
  if (node === undefined) {
    node = compile(c);
    cache.set(c, node);
  }
  return node;
}

/**
 * Lets structurally identical sub-conditions of `roots` (the common guard every move of the default
 * playbook repeats) share one compiled node whose result is kept for the current pass. Only speed
 * changes: equal JSON means equal structure, and compiling is a pure function of the structure. Call it
 * before the roots are first evaluated (the engine does, once per playbook).
 */
export function shareSubConditions(roots: readonly Condition[]): void {
  const seen = new Map<string, { first: Condition; count: number }>();
  const keyOf = new Map<Condition, string>();
  // Children first, so a shared parent compiled below already finds its shared children.
  const visit = (c: Condition): void => {
    if ('all' in c) for (const child of c.all) visit(child);
    else if ('any' in c) for (const child of c.any) visit(child);
    else if ('not' in c) visit(c.not);
    const key = JSON.stringify(c);
    keyOf.set(c, key);
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { first: c, count: 1 });
  };
  for (const root of roots) visit(root);
  const shared = new Map<string, Compiled>();
  for (const [c, key] of keyOf) {
    const entry = seen.get(key);
    if (entry === undefined || entry.count < 2 || cache.has(c)) continue;
    let node = shared.get(key);
    if (node === undefined) {
      node = memoPerPass(compiled(entry.first));
      shared.set(key, node);
    }
    cache.set(c, node);
  }
}

function memoPerPass(node: Compiled): Compiled {
  let lastPass = -1;
  let last: Truth = null;
  return {
    test(env) {
      const pass = env.pass;
      if (pass === undefined) return node.test(env);
      if (pass !== lastPass) {
        last = node.test(env);
        lastPass = pass;
      }
      return last;
    },
    met: (env, out) => node.met(env, out),
    unmet: (env) => node.unmet(env),
  };
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
  if ('product' in c) return keywordLeaf(c.product, 'product', 'product_matches', productUnmet);
  if ('customerSays' in c) return messageLeaf(c.customerSays.any, 'customer', 'customer_mentioned', 'customer_not_mentioned');
  if ('agentSays' in c) return messageLeaf(c.agentSays.any, 'agent', 'agent_said', 'agent_not_said');
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
      return firstUnknown ? firstUnknown.unmet(env) : sayIn(env)('condition_failed');
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
      if (children.length === 0) return sayIn(env)('empty_any');
      // An unknown child decides the explanation: that is what keeps the "any" from holding.
      const unknown = children.find((child) => child.test(env) === null);
      if (unknown !== undefined) return unknown.unmet(env);
      const failed = children.map((child) => child.unmet(env));
      const say = sayIn(env);
      const shown = failed.length >= 2 ? say('two_reasons', failed[0] as string, failed[1] as string) : (failed[0] ?? '');
      return failed.length > 2 ? say('more_reasons', shown, failed.length - 2) : shown;
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
      return out.length > 0 ? sayIn(env)('excluded_because', lowerFirst(out.join('; '))) : sayIn(env)('excluded_by_not');
    },
  };
}

/** Leaves that read the page: unknown without facts. */
function pageLeaf(test: (f: TicketFacts) => boolean, met: (f: TicketFacts, say: Say) => string, unmet: (f: TicketFacts, say: Say) => string): Compiled {
  return {
    test: (env) => (env.facts === null ? null : test(env.facts)),
    met(env, out) {
      if (env.facts !== null) out.push(met(env.facts, sayIn(env)));
    },
    unmet: (env) => (env.facts === null ? sayIn(env)('no_context') : unmet(env.facts, sayIn(env))),
  };
}

function pickLeaf<T extends string>(what: 'helpdesk' | 'channel' | 'status', allowed: readonly T[], read: (f: TicketFacts) => T): Compiled {
  const list = perSay((say) => joinList(say, allowed, 'or'));
  return pageLeaf(
    (f) => allowed.includes(read(f)),
    (f, say) => say(`${what}_is`, read(f)),
    (f, say) => say(`${what}_needs`, read(f), list(say)),
  );
}

function compileTags(any: readonly string[] | undefined, all: readonly string[] | undefined): Compiled {
  const anyTags = any?.map((t) => t.trim().toLowerCase());
  const allTags = all?.map((t) => t.trim().toLowerCase());
  const notTagged = perSay((say) => say('not_tagged', joinList(say, (anyTags ?? []).map(quote), 'or')));
  return pageLeaf(
    (f) => (anyTags === undefined || hasAny(f.tags, anyTags)) && (allTags === undefined || hasAll(f.tags, allTags)),
    (f, say) => {
      const shown = [...(anyTags?.filter((t) => f.tags.has(t)).slice(0, 1) ?? []), ...(allTags ?? [])];
      return say('tagged', joinList(say, [...new Set(shown)].map(quote), 'and'));
    },
    (f, say) => {
      if (anyTags !== undefined && !anyTags.some((t) => f.tags.has(t))) return notTagged(say);
      return say('missing_tag', allTags?.find((t) => !f.tags.has(t)) ?? '');
    },
  );
}

// Loops rather than some/every with a closure: tag leaves are tested for every move on every evaluation.
function hasAny(tags: ReadonlySet<string>, wanted: readonly string[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (tags.has(wanted[i] as string)) return true;
  return false;
}

function hasAll(tags: ReadonlySet<string>, wanted: readonly string[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (!tags.has(wanted[i] as string)) return false;
  return true;
}

function keywordLeaf(keywords: readonly string[], where: FactText, met: ReasonCode, unmet: (f: TicketFacts, keywordList: string, say: Say) => string): Compiled {
  const matcher = keywordMatcher(keywords);
  const labels = matcher.labels.map(quote);
  const list = perSay((say) => joinList(say, labels, 'or'));
  return pageLeaf(
    (f) => keywordIn(f, matcher, where) !== null,
    (f, say) => say(met, keywordIn(f, matcher, where) ?? ''),
    (f, say) => unmet(f, list(say), say),
  );
}

/**
 * Keywords in the customer's or the agent's messages. A hit only in a message whose sender the page did
 * not mark makes the leaf unknown: it is never the agent's word (a customer typing "anything else?" must
 * not confirm resolution) and, for `not customerSays`, may well be the customer's.
 */
function messageLeaf(keywords: readonly string[], who: 'customer' | 'agent', met: ReasonCode, unmet: ReasonCode): Compiled {
  const matcher = keywordMatcher(keywords);
  const labels = matcher.labels.map(quote);
  const notSaid = perSay((say) => say(unmet, joinList(say, labels, 'or')));
  // Most pages mark every sender: skip the lookup when no message is unknown.
  const unknownHit = (f: TicketFacts) => (f.unknownText === '' || keywordIn(f, matcher, who) !== null ? null : keywordIn(f, matcher, 'unknown'));
  return {
    test(env) {
      if (env.facts === null) return null;
      if (keywordIn(env.facts, matcher, who) !== null) return true;
      return env.facts.unknownText === '' || keywordIn(env.facts, matcher, 'unknown') === null ? false : null;
    },
    met(env, out) {
      const hit = env.facts === null ? null : keywordIn(env.facts, matcher, who);
      if (hit !== null) out.push(sayIn(env)(met, hit));
    },
    unmet(env) {
      const say = sayIn(env);
      if (env.facts === null) return say('no_context');
      const hit = unknownHit(env.facts);
      return hit === null ? notSaid(say) : say('unknown_sender', hit);
    },
  };
}

function productUnmet(f: TicketFacts, list: string, say: Say): string {
  const product = f.context.product;
  if (!product) return say('no_product', list);
  return say('product_needs', product.length > 60 ? `${product.slice(0, 59)}…` : product, list);
}

function compileElapsed(gte: number | undefined, lte: number | undefined): Compiled {
  const minutes = (env: ConditionEnv) => (env.now - env.startedAt) / MINUTE_MS;
  return {
    test(env) {
      const m = minutes(env);
      return (gte === undefined || m >= gte) && (lte === undefined || m <= lte);
    },
    met(env, out) {
      const say = sayIn(env);
      out.push(say('minutes_into', count(say, 'n_minutes', Math.floor(minutes(env)))));
    },
    unmet(env) {
      const say = sayIn(env);
      const m = minutes(env);
      const need = gte !== undefined && m < gte ? say('at_least', gte) : say('at_most', lte ?? 0);
      return say('minutes_needs', count(say, 'n_minutes', Math.floor(m)), need);
    },
  };
}

function compileStepDone(stepId: string): Compiled {
  const title = (env: ConditionEnv) => env.stepTitles?.get(stepId) ?? stepId;
  return {
    test: (env) => isDone(env.checklist, stepId),
    met(env, out) {
      out.push(sayIn(env)('step_done', title(env)));
    },
    unmet: (env) => sayIn(env)('step_not_done', title(env)),
  };
}

function compileResolution(wanted: boolean): Compiled {
  return {
    test: (env) => env.resolutionConfirmed === wanted,
    met(env, out) {
      out.push(sayIn(env)(wanted ? 'resolution_confirmed' : 'resolution_not_confirmed'));
    },
    unmet: (env) => sayIn(env)(wanted ? 'resolution_not_confirmed_lc' : 'resolution_already_confirmed'),
  };
}

function compilePriorAttempts(p: {
  readonly withinDays: number;
  readonly gte?: number;
  readonly lte?: number;
  readonly kind?: string;
  readonly moveId?: string;
}): Compiled {
  const offers = (env: ConditionEnv) => {
    let n = 0;
    for (const a of env.history) {
      if (!reachedCustomer(a) || !withinDays(env.now, a.at, p.withinDays)) continue;
      if ((p.kind === undefined || a.kind === p.kind) && (p.moveId === undefined || a.moveId === p.moveId)) n++;
    }
    return n;
  };
  const what = (say: Say, n: number) =>
    p.moveId !== undefined
      ? count(say, 'n_offers_of', n, p.moveId)
      : count(say, p.kind === 'usage-tip' ? 'n_usage_tips' : p.kind === 'confidence' ? 'n_confidence_moves' : 'n_ve_offers', n);
  const window = (say: Say) => count(say, 'n_days', p.withinDays);
  return {
    test(env) {
      const n = offers(env);
      return (p.gte === undefined || n >= p.gte) && (p.lte === undefined || n <= p.lte);
    },
    met(env, out) {
      // An "at most" cap only excludes (like `not`); only a minimum is a reason to show something.
      if (p.gte === undefined) return;
      const say = sayIn(env);
      out.push(say('to_customer', what(say, offers(env)), window(say)));
    },
    unmet(env) {
      const say = sayIn(env);
      const n = offers(env);
      const need = p.gte !== undefined && n < p.gte ? say('at_least', p.gte) : say('at_most', p.lte ?? 0);
      return say('to_customer_needs', what(say, n), window(say), need);
    },
  };
}

const OUTCOME_VERB: Record<Outcome, ReasonCode> = {
  offered: 'verb_offered',
  accepted: 'verb_accepted',
  declined: 'verb_declined',
  'not-a-fit': 'verb_not_a_fit',
};

function compilePriorOutcome(p: { readonly outcome: readonly Outcome[]; readonly withinDays: number; readonly moveId?: string }): Compiled {
  const notRecently = perSay((say) => {
    const verbs = joinList(
      say,
      p.outcome.map((o) => say(OUTCOME_VERB[o])),
      'or',
    );
    const days = count(say, 'n_days', p.withinDays);
    return p.moveId === undefined ? say('earlier_ve_was_not', verbs, days) : say('move_was_not', p.moveId, verbs, days);
  });
  const latest = (env: ConditionEnv): HistoryAttempt | null => {
    let best: HistoryAttempt | null = null;
    for (const a of env.history) {
      if (a.outcome === null || !p.outcome.includes(a.outcome) || !withinDays(env.now, a.at, p.withinDays)) continue;
      if (p.moveId !== undefined && a.moveId !== p.moveId) continue;
      if (best === null || a.at > best.at) best = a;
    }
    return best;
  };
  return {
    test: (env) => latest(env) !== null,
    met(env, out) {
      const a = latest(env);
      if (a === null || a.outcome === null) return;
      const say = sayIn(env);
      const verb = say(OUTCOME_VERB[a.outcome]);
      const when = daysAgoIn(say, env.now, a.at);
      out.push(p.moveId === undefined ? say('earlier_ve_was', verb, when) : say('move_was', p.moveId, verb, when));
    },
    unmet: (env) => notRecently(sayIn(env)),
  };
}

function quote(s: string): string {
  return `'${s}'`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
