/**
 * `moves/evaluate` without the browser: which playbook runs on a ticket (first match), which A/B variant
 * (the one the ticket recorded, else by customer), and the engine's reading settled until auto-ticks stop
 * (core/session `settle`) — the pure core functions the panel used to run in the page. evaluate.ts feeds
 * it the configuration and the extension's wording.
 */
import { evaluate } from '../core/playbook/engine';
import { selectPlaybook } from '../core/playbook/select';
import type { Playbook } from '../core/playbook/types';
import { resolveVariant, variantByLabel } from '../core/playbook/variant';
import { conditionRoots, walkCondition } from '../core/playbook/walk';
import type { Say } from '../core/playbook/wording';
import { latestCustomerText, suggestOutcome, type VesWording, vesAskText } from '../core/session/live-chat';
import { settle } from '../core/session/ticket-session';
import { freshTicketState, type MoveState } from '../core/session/types';
import type { EvaluateAnswer, EvaluateRequest } from '../messaging/evaluate-schema';

/** What the engine needs besides the request: the playbooks in force, the rep's name ({agent.name}), the wording. */
export interface InForce {
  readonly playbooks: readonly Playbook[];
  readonly agentName: string;
  /** The engine's reason codes in the rep's language. */
  readonly say: Say;
  /** "Ask in chat" wording where the playbook has none. */
  readonly vesWording: VesWording;
}

const timedCache = new WeakMap<Playbook, boolean>();
/** Whether any condition reads the elapsed time (then a quiet page still needs a re-evaluation now and then). */
function hasTimedCondition(pb: Playbook): boolean {
  let timed = timedCache.get(pb);
  if (timed === undefined) {
    timed = false;
    for (const root of conditionRoots(pb)) {
      walkCondition(root.condition, root.path, (c) => {
        if ('elapsedMinutes' in c) timed = true;
      });
    }
    timedCache.set(pb, timed);
  }
  return timed;
}

/** Selection, variant, settle: pure given the configuration. */
export function evaluateWith({ playbooks, agentName, say, vesWording }: InForce, req: EvaluateRequest, now: number): EvaluateAnswer {
  const base = selectPlaybook(playbooks, req.context);
  if (!base) throw new Error('no playbook in force');
  const { context, state: s, history } = req;
  const chosen = variantByLabel(base, s.variant) ?? resolveVariant(base, req.ticketId, context?.customerKey);
  const moves: Record<string, MoveState> = {};
  for (const id of s.shown) moves[id] = { shownAt: s.startedAt };
  const before = { ...freshTicketState('', s.startedAt, '', chosen.variant), checklist: s.checklist, suppressedAuto: s.suppressedAuto, resolvedAt: s.resolvedAt, moves };
  const settled = settle(
    before,
    (x) => evaluate(chosen.playbook, { context, checklist: x.checklist, suppressedAuto: x.suppressedAuto, startedAt: x.startedAt, now, history, agentName, say }),
    now,
  );
  const shownAt: Record<string, number> = {};
  for (const [id, m] of Object.entries(settled.state.moves)) if (!Object.hasOwn(moves, id) && m.shownAt !== undefined) shownAt[id] = m.shownAt;
  return {
    evaluation: settled.evaluation,
    checklist: settled.state.checklist,
    resolvedAt: settled.state.resolvedAt,
    shownAt,
    effects: settled.effects,
    playbookId: chosen.playbook.id,
    playbookVersion: chosen.playbook.version,
    variant: chosen.variant,
    vesAsk: vesAskText(chosen.playbook.vesQuestions, vesWording),
    timed: hasTimedCondition(chosen.playbook),
    suggested: suggestOutcome(latestCustomerText(context?.messages)),
  };
}
