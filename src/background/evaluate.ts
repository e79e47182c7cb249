/**
 * The worker's side of `moves/evaluate`: which playbook runs on a ticket (first match), which A/B variant
 * (the one the ticket recorded, else by customer), and the engine's reading of the ticket, settled until
 * auto-ticks stop — the same pure core functions the panel used to run in the page. The page sends what
 * it read and its checklist; it never receives a playbook, only the reading it shows.
 */
import browser from 'webextension-polyfill';
import { evaluate } from '../core/playbook/engine';
import { selectPlaybook } from '../core/playbook/select';
import type { Playbook } from '../core/playbook/types';
import { resolveVariant, variantByLabel } from '../core/playbook/variant';
import { conditionRoots, walkCondition } from '../core/playbook/walk';
import type { Say } from '../core/playbook/wording';
import { latestCustomerText, suggestOutcome, vesAskText } from '../core/session/live-chat';
import { settle } from '../core/session/ticket-session';
import { freshTicketState, type MoveState } from '../core/session/types';
import type { EvaluateAnswer, EvaluateRequest } from '../messaging/evaluate-schema';
import { t } from '../shared/i18n';
import { KEYS } from '../shared/storage-keys';
import { panelConfig } from './config';
import { activePlaybooks } from './playbooks';
import { whoseTicket } from './whose-ticket';

/** The engine's reason codes in the extension's language (`_locales`, `reason_<code>`), as the panel showed them. */
const say: Say = (code, ...args) => t(`reason_${code}`, ...args);

/** What the engine needs from the configuration: the playbooks in force and the rep's name ({agent.name}). */
export interface InForce {
  readonly playbooks: readonly Playbook[];
  readonly agentName: string;
}

/**
 * Parsed once per configuration: every config write moves `configChanged`, so the stamp says when to
 * read again. Keeping the same playbook objects keeps the engine's per-playbook caches.
 */
let cached: { stamp: unknown; inForce: Promise<InForce> } | null = null;
async function inForceNow(): Promise<InForce> {
  const stamp = (await browser.storage.local.get(KEYS.configChanged))[KEYS.configChanged] ?? null;
  if (cached?.stamp !== stamp) {
    const inForce = Promise.all([activePlaybooks(), panelConfig()]).then(([a, c]) => ({ playbooks: a.playbooks as Playbook[], agentName: c.repName }));
    cached = { stamp, inForce };
    inForce.catch(() => {
      if (cached?.inForce === inForce) cached = null;
    });
  }
  return cached.inForce;
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

export async function evaluateTicket(req: EvaluateRequest, now = Date.now()): Promise<EvaluateAnswer> {
  return evaluateWith(await inForceNow(), req, now);
}

/** Pure given the configuration: selection, variant, settle. Exported for unit tests. */
export function evaluateWith({ playbooks, agentName }: InForce, req: EvaluateRequest, now: number): EvaluateAnswer {
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
    vesAsk: vesAskText(chosen.playbook.vesQuestions, {
      intro: t('ves_ask_intro'),
      achieveMore: t('ves_ask_achieve_more'),
      confidence: t('ves_ask_confidence'),
      effort: t('ves_ask_effort'),
    }),
    timed: hasTimedCondition(chosen.playbook),
    suggested: suggestOutcome(latestCustomerText(context?.messages)),
    whose: whoseTicket(context),
  };
}
