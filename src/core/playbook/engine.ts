/**
 * The playbook engine: given a playbook and what the page and log say, which checklist steps apply,
 * whether the issue is resolved, and which VE moves to suggest now — with reasons for both the moves
 * shown and those held back. Pure and deterministic (time is an input), called on every page change,
 * so per-playbook work (sort order, templates, compiled conditions) is cached by playbook identity.
 *
 * Resolution first: no move is eligible before resolution is confirmed. Then frequency caps against the
 * customer's history, then priority, then the playbook's limit on moves shown.
 *
 * The default playbook repeats one guard (no angry words, no escalation tags, no recent decline, at most
 * 3 offers in 90 days) in every move: `shareSubConditions` lets the copies share one compiled node that
 * is tested once per evaluation (`pass`), and the language-only "why this now" lines are built once per
 * `Say`. Measured (2-core VM, Node 20): the default playbook (8 steps, 10 moves) on a 12-message ticket
 * with 5 history entries, resolution confirmed, same context object each call: ~300,000 evaluations/s as
 * a plain Node script, ~205,000/s inside vitest (both about twice what they were before the sharing). A
 * new context object (the page changed) adds ~30 µs once for normalizing message text; later
 * evaluations on it hit the cache.
 */
import type { MoveKind } from '../log/types';
import { cleanText } from '../ticket/sanitize';
import type { TicketContext } from '../ticket/types';
import { type ChecklistEntry, type ConditionEnv, evaluateCondition, explainMet, explainUnmet, isDone, newPass, shareSubConditions } from './condition';
import { factsFor, type TicketFacts } from './facts';
import { type HistoryAttempt, reachedCustomer, withinDays } from './history';
import { fallbacksFor, fillTemplate, type PlaceholderValues, parseTemplate, type Segment } from './placeholders';
import type { Condition, Move, Playbook } from './types';
import { count, daysAgoIn, type Say } from './wording';

export interface EvaluationInput {
  /** Null when the adapter could not read the page: the checklist still works, page-based conditions are unknown. */
  readonly context: TicketContext | null;
  /** Steps done in this interaction. */
  readonly checklist: Readonly<Record<string, ChecklistEntry>>;
  /** Steps the rep un-ticked after an auto-tick; never auto-ticked again in this interaction. */
  readonly suppressedAuto: readonly string[];
  /** Epoch ms the interaction started. */
  readonly startedAt: number;
  /** Epoch ms now; the engine never reads the clock. */
  readonly now: number;
  /** This customer's attempts from other interactions (possibly merged from other reps' logs). */
  readonly history: readonly HistoryAttempt[];
  readonly agentName?: string;
  /**
   * The rep's language for "why this now" and "held back": wording-en.ts `english`, or the panel's catalogue.
   * Required, so the English table stays out of the content script, which renders through `_locales`.
   */
  readonly say: Say;
}

export interface StepView {
  readonly id: string;
  readonly title: string;
  readonly help: string | null;
  readonly required: boolean;
  readonly confirmsResolution: boolean;
  /** False when the step's `when` does not hold; such steps are not counted in progress. */
  readonly applicable: boolean;
  readonly done: boolean;
  /** Ticked by a page signal rather than the rep. */
  readonly auto: boolean;
  readonly doneAt: number | null;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly requiredDone: number;
  readonly requiredTotal: number;
}

export interface EligibleMove {
  readonly move: Move;
  /** Placeholders filled; ready to insert. */
  readonly text: string;
  /** "Why this now", most specific first after the resolution gate. */
  readonly reasons: readonly string[];
}

export const HOLD_CAUSES = ['condition', 'no-context', 'cooldown', 'resolution', 'limit'] as const;
export type HoldCause = (typeof HOLD_CAUSES)[number];

export interface HeldBackMove {
  readonly moveId: string;
  readonly kind: MoveKind;
  readonly title: string;
  readonly cause: HoldCause;
  readonly reason: string;
}

export interface Evaluation {
  readonly steps: readonly StepView[];
  readonly progress: Progress;
  readonly resolutionConfirmed: boolean;
  /** Applicable steps whose autoComplete holds now, not done and not suppressed: tick them, offer undo. */
  readonly autoComplete: readonly string[];
  /** Priority order, at most `settings.maxMovesShown`. */
  readonly eligible: readonly EligibleMove[];
  /** Every other move, in priority order. */
  readonly heldBack: readonly HeldBackMove[];
}

interface Plan {
  /** Move indices by priority (desc), ties in array order. */
  readonly order: readonly number[];
  readonly templates: readonly (readonly Segment[])[];
  readonly confirmingStepId: string | null;
  readonly stepTitles: ReadonlyMap<string, string>;
  readonly fallbacks: PlaceholderValues;
  /** "Why this now" lines that depend only on the language and the move, built once per `Say`. */
  fixedReasons: FixedReasons | null;
}

interface FixedReasons {
  readonly say: Say;
  readonly resolution: string;
  /** Per move index: "not offered … in the last N days", or null when the playbook has no pause. */
  readonly cooldown: readonly (string | null)[];
}

const plans = new WeakMap<Playbook, Plan>();

function planFor(pb: Playbook): Plan {
  let plan = plans.get(pb);
  if (plan === undefined) {
    plan = {
      order: pb.moves.map((_, i) => i).sort((a, b) => (pb.moves[b]?.priority ?? 0) - (pb.moves[a]?.priority ?? 0) || a - b),
      templates: pb.moves.map((m) => parseTemplate(m.text)),
      confirmingStepId: pb.checklist.find((s) => s.confirmsResolution)?.id ?? null,
      stepTitles: new Map(pb.checklist.map((s) => [s.id, s.title])),
      fallbacks: fallbacksFor(pb.locale),
      fixedReasons: null,
    };
    shareSubConditions(conditionsOf(pb));
    plans.set(pb, plan);
  }
  return plan;
}

/** Every root condition of a playbook (resolution rule, steps' conditions, moves'): what the plan shares between. */
export function conditionsOf(pb: Playbook): Condition[] {
  const out: Condition[] = [];
  if (pb.resolutionRule !== undefined) out.push(pb.resolutionRule);
  for (const s of pb.checklist) {
    if (s.when !== undefined) out.push(s.when);
    if (s.autoComplete !== undefined) out.push(s.autoComplete);
  }
  for (const m of pb.moves) out.push(m.when);
  return out;
}

export function evaluate(playbook: Playbook, input: EvaluationInput): Evaluation {
  const plan = planFor(playbook);
  const facts = input.context === null ? null : factsFor(input.context);
  const confirmingDone = plan.confirmingStepId !== null && isDone(input.checklist, plan.confirmingStepId);
  let env: ConditionEnv = {
    facts,
    checklist: input.checklist,
    resolutionConfirmed: confirmingDone,
    now: input.now,
    startedAt: input.startedAt,
    history: input.history,
    stepTitles: plan.stepTitles,
    say: input.say,
    pass: newPass(),
  };
  let resolutionConfirmed = confirmingDone;
  if (!confirmingDone && playbook.resolutionRule !== undefined && evaluateCondition(playbook.resolutionRule, env) === true) {
    resolutionConfirmed = true;
    // A changed env is a new pass: results kept for the old one may depend on resolution.
    env = { ...env, resolutionConfirmed: true, pass: newPass() };
  }

  const steps: StepView[] = [];
  const autoComplete: string[] = [];
  let done = 0;
  let total = 0;
  let requiredDone = 0;
  let requiredTotal = 0;
  for (const step of playbook.checklist) {
    // Unknown (page unreadable) counts as applicable: better an extra step than a missing one.
    const applicable = step.when === undefined || evaluateCondition(step.when, env) !== false;
    const entry = isDone(input.checklist, step.id) ? input.checklist[step.id] : undefined;
    steps.push({
      id: step.id,
      title: step.title,
      help: step.help ?? null,
      required: step.required,
      confirmsResolution: step.confirmsResolution === true,
      applicable,
      done: entry !== undefined,
      auto: entry?.auto === true,
      doneAt: entry?.doneAt ?? null,
    });
    if (!applicable) continue;
    total++;
    if (entry !== undefined) done++;
    if (step.required) {
      requiredTotal++;
      if (entry !== undefined) requiredDone++;
    }
    if (
      entry === undefined &&
      step.autoComplete !== undefined &&
      !input.suppressedAuto.includes(step.id) &&
      evaluateCondition(step.autoComplete, env) === true
    ) {
      autoComplete.push(step.id);
    }
  }

  const { eligible, heldBack } = pickMoves(playbook, plan, env, input, resolutionConfirmed);
  return { steps, progress: { done, total, requiredDone, requiredTotal }, resolutionConfirmed, autoComplete, eligible, heldBack };
}

interface Offers {
  /** Latest attempt that reached the customer, per move. */
  readonly byMove: Map<string, number>;
  readonly latest: number | null;
}

function offersIn(history: readonly HistoryAttempt[]): Offers {
  const byMove = new Map<string, number>();
  let latest: number | null = null;
  for (const a of history) {
    if (!reachedCustomer(a)) continue;
    const prev = byMove.get(a.moveId);
    if (prev === undefined || a.at > prev) byMove.set(a.moveId, a.at);
    if (latest === null || a.at > latest) latest = a.at;
  }
  return { byMove, latest };
}

function pickMoves(
  pb: Playbook,
  plan: Plan,
  env: ConditionEnv,
  input: EvaluationInput,
  resolutionConfirmed: boolean,
): { eligible: EligibleMove[]; heldBack: HeldBackMove[] } {
  const eligible: EligibleMove[] = [];
  const heldBack: HeldBackMove[] = [];
  const offers = offersIn(input.history);
  const { veCooldownDays, maxMovesShown } = pb.settings;
  const { now } = input;
  const { say } = input;
  const hold = (move: Move, cause: HoldCause, reason: string) => heldBack.push({ moveId: move.id, kind: move.kind, title: move.title, cause, reason });
  let values: PlaceholderValues | null = null;

  for (const i of plan.order) {
    const move = pb.moves[i] as Move;
    const holds = evaluateCondition(move.when, env);
    if (holds === null) {
      hold(move, 'no-context', say('condition_not_met', env.facts === null ? say('no_context') : explainUnmet(move.when, env)));
      continue;
    }
    if (!holds) {
      hold(move, 'condition', say('condition_not_met', explainUnmet(move.when, env)));
      continue;
    }
    const lastThis = offers.byMove.get(move.id);
    if (move.cooldownDays > 0 && lastThis !== undefined && withinDays(now, lastThis, move.cooldownDays)) {
      hold(move, 'cooldown', say('offered_cooldown', daysAgoIn(say, now, lastThis), count(say, 'n_days', move.cooldownDays)));
      continue;
    }
    if (veCooldownDays > 0 && offers.latest !== null && withinDays(now, offers.latest, veCooldownDays)) {
      hold(move, 'cooldown', say('ve_pause', daysAgoIn(say, now, offers.latest), count(say, 'n_days', veCooldownDays)));
      continue;
    }
    if (!resolutionConfirmed) {
      hold(move, 'resolution', say('waiting_resolution'));
      continue;
    }
    if (eligible.length >= maxMovesShown) {
      hold(move, 'limit', maxMovesShown === 0 ? say('shows_no_moves') : say('ranked_below', count(say, 'n_moves', maxMovesShown)));
      continue;
    }
    values ??= valuesFor(env.facts, input);
    eligible.push({ move, text: fillTemplate(plan.templates[i] ?? [], values, plan.fallbacks), reasons: reasonsFor(move, i, pb, plan, env, input) });
  }
  return { eligible, heldBack };
}

function fixedReasonsFor(pb: Playbook, plan: Plan, say: Say): FixedReasons {
  if (plan.fixedReasons?.say === say) return plan.fixedReasons;
  const { veCooldownDays } = pb.settings;
  const cooldown = pb.moves.map((move) => {
    if (move.cooldownDays > veCooldownDays) return say('not_offered_in_last', count(say, 'n_days', move.cooldownDays));
    return veCooldownDays > 0 ? say('no_ve_in_last', count(say, 'n_days', veCooldownDays)) : null;
  });
  plan.fixedReasons = { say, resolution: say('resolution_confirmed'), cooldown };
  return plan.fixedReasons;
}

function reasonsFor(move: Move, index: number, pb: Playbook, plan: Plan, env: ConditionEnv, input: EvaluationInput): string[] {
  const fixed = fixedReasonsFor(pb, plan, input.say);
  const reasons = new Set<string>([fixed.resolution]);
  for (const r of explainMet(move.when, env)) reasons.add(r);
  // Only claim "not offered recently" when we actually know who the customer is.
  const customerKnown = Boolean(input.context?.customerKey) || input.history.length > 0;
  const cooldown = fixed.cooldown[index];
  if (customerKnown && cooldown !== undefined && cooldown !== null) reasons.add(cooldown);
  if (move.why !== undefined) reasons.add(move.why);
  return [...reasons];
}

/** The agent's name as cleaned last time: the same rep evaluates ticket after ticket. */
let lastAgent: { readonly raw: string | undefined; readonly clean: string } = { raw: undefined, clean: '' };

function agentNameOf(raw: string | undefined): string {
  if (raw !== lastAgent.raw) lastAgent = { raw, clean: cleanText(raw, 80) };
  return lastAgent.clean;
}

function valuesFor(facts: TicketFacts | null, input: EvaluationInput): PlaceholderValues {
  return {
    'customer.firstName': facts?.firstName ?? '',
    'customer.name': facts?.displayName ?? '',
    product: facts?.replyProduct ?? '',
    'ticket.id': facts?.context.ticketId ?? '',
    'agent.name': agentNameOf(input.agentName),
  };
}
