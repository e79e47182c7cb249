/**
 * The content script's coordinator: reads the active ticket through the site adapter, keeps that
 * ticket's state, runs the playbook engine, turns rep actions into log events, and feeds the panel.
 * Everything it starts is torn down by one AbortSignal.
 */
import type Browser from 'webextension-polyfill';
import { browser } from '../shared/ext';
import type { LogEvent, MoveRef, Outcome, SkipReason } from '../core/log/types';
// Direct module imports, not the playbook barrel: the content script must not bundle the schema or the
// built-in playbooks (the worker validates and serves playbooks; the page only evaluates them).
import { type Evaluation, evaluate } from '../core/playbook/engine';
import { selectPlaybook } from '../core/playbook/select';
import type { Playbook } from '../core/playbook/types';
import { resolveVariant } from '../core/playbook/variant';
import type { TicketContext } from '../core/ticket/types';
import { send } from '../messaging/client';
import type { PriorAttempt } from '../storage/log-repo';
import type { ReadResult, SiteAdapter } from '../sites/adapter';
import { KEYS } from '../shared/storage-keys';
import { Outbox } from './outbox';
import { createStore } from './store';
import { loadTicketState, newTicketState, saveTicketState, type TicketState, type WrapupAnswers } from './ticket-state';
import { watchPage } from './watch';

export interface PanelModel {
  readonly adapterLabel: string;
  readonly read: ReadResult | null;
  readonly ticketId: string | null;
  readonly state: TicketState | null;
  readonly evaluation: Evaluation | null;
  readonly playbook: Playbook | null;
  readonly playbookSource: string;
  readonly notice: { kind: 'info' | 'warn'; text: string; undoStep?: string } | null;
  readonly storageProblem: string | null;
  readonly pendingEvents: number;
}

export interface ControllerDeps {
  readonly adapter: SiteAdapter;
  readonly repId: string;
  readonly agentName: string;
}

export function createController({ adapter, repId, agentName }: ControllerDeps, signal: AbortSignal) {
  const model = createStore<PanelModel>({
    adapterLabel: adapter.label,
    read: null,
    ticketId: null,
    state: null,
    evaluation: null,
    playbook: null,
    playbookSource: '',
    notice: null,
    storageProblem: null,
    pendingEvents: 0,
  });
  const outbox = new Outbox(signal, (s) => model.set((m) => ({ ...m, pendingEvents: s.pending })));
  let playbooks: Playbook[] = [];
  let history: PriorAttempt[] = [];
  let loadingTicket: string | null = null;

  type EventBody = DistributiveOmit<LogEvent, 'id' | 'at' | 'interactionId'>;
  // Events go to the outbox strictly in the order they were made, even when one (the interaction's
  // start) waits for the worker to hash the customer key.
  let emitChain: Promise<unknown> = Promise.resolve();
  const emitAfter = (make: () => Promise<{ interactionId: string; body: EventBody }>) => {
    const at = Date.now();
    const next = emitChain.then(async () => {
      const { interactionId, body } = await make();
      await outbox.add({ ...body, id: crypto.randomUUID(), at, interactionId } as LogEvent);
    });
    emitChain = next.catch(() => {});
    return next;
  };
  const emit = (interactionId: string, body: EventBody) => emitAfter(async () => ({ interactionId, body }));

  function playbookFor(context: TicketContext | null, ticketId: string): { playbook: Playbook; variant: string } | null {
    const base = selectPlaybook(playbooks, context);
    return base ? resolveVariant(base, ticketId, context?.customerKey) : null;
  }

  function recompute(): void {
    const m = model.get();
    const ctx = m.read?.context ?? null;
    if (!m.state || !m.ticketId) {
      model.set({ ...m, evaluation: null });
      return;
    }
    const chosen = playbookFor(ctx, m.ticketId);
    if (!chosen) return;
    const evaluation = evaluate(chosen.playbook, {
      context: ctx,
      checklist: m.state.checklist,
      suppressedAuto: m.state.suppressedAuto,
      startedAt: m.state.startedAt,
      now: Date.now(),
      history,
      agentName,
    });
    model.set({ ...m, evaluation, playbook: chosen.playbook });
    void applyEvaluation(evaluation, chosen.playbook);
  }

  /** Side effects the engine asks for: auto-ticks (with undo), resolution, first display of moves. */
  async function applyEvaluation(ev: Evaluation, playbook: Playbook): Promise<void> {
    let state = model.get().state;
    if (!state) return;
    const now = Date.now();
    let changed = false;
    for (const stepId of ev.autoComplete) {
      if (state.checklist[stepId]) continue;
      state = { ...state, checklist: { ...state.checklist, [stepId]: { doneAt: now, auto: true } } };
      changed = true;
      void emit(state.interactionId, { type: 'step-completed', stepId, auto: true });
      const title = playbook.checklist.find((s) => s.id === stepId)?.title ?? stepId;
      model.set((m) => ({ ...m, notice: { kind: 'info', text: title, undoStep: stepId } }));
    }
    if (changed) return commit(state);
    if (ev.resolutionConfirmed && state.resolvedAt === null) {
      state = { ...state, resolvedAt: now };
      void emit(state.interactionId, { type: 'resolution-confirmed' });
      changed = true;
    }
    for (const e of ev.eligible) {
      if (state.moves[e.move.id]?.shownAt) continue;
      state = { ...state, moves: { ...state.moves, [e.move.id]: { ...state.moves[e.move.id], shownAt: now } } };
      void emit(state.interactionId, { type: 'move-shown', ...moveRef(e.move) });
      changed = true;
    }
    if (changed) await commit(state, false);
  }

  async function commit(state: TicketState, reevaluate = true): Promise<void> {
    const m = model.get();
    if (!m.ticketId) return;
    model.set({ ...m, state });
    // Paint first, persist after: the tick shows in the next frame, the storage write follows in order.
    if (reevaluate) recompute();
    const ticketId = m.ticketId;
    await startPending;
    await saveTicketState(adapter.id, ticketId, state);
  }

  async function openTicket(read: ReadResult, ticketId: string): Promise<void> {
    loadingTicket = ticketId;
    const stored = await loadTicketState(adapter.id, ticketId);
    if (loadingTicket !== ticketId || signal.aborted) return; // switched again meanwhile
    const chosen = playbookFor(read.context, ticketId);
    const state = stored ?? newTicketState(Date.now(), '', chosen?.variant ?? '');
    // Show the checklist at once; the worker round trips (customer key, history) follow and refine it.
    history = [];
    model.set((m) => ({ ...m, read, ticketId, state, notice: null }));
    recompute();
    if (!stored) {
      const raw = read.context?.customerKey ?? '';
      // The start event enters the emit chain before the panel can be clicked (no await before this
      // line since it was shown), so events from early clicks stay behind it.
      let customerKey = '';
      const started = emitAfter(async () => {
        // A worker that cannot be reached must not cost us the start event: log it without the key.
        customerKey = raw ? await send('customer/key', { raw }).then((r) => r.key, () => '') : '';
        return {
          interactionId: state.interactionId,
          body: {
            type: 'interaction-started',
            helpdesk: adapter.id,
            ticketId,
            customerKey,
            channel: read.context?.channel ?? 'other',
            repId,
            playbookId: chosen?.playbook.id ?? '',
            playbookVersion: chosen?.playbook.version ?? 0,
            variant: chosen?.variant ?? '',
          },
        };
      });
      startPending = started.catch(() => {});
      await started;
      // Persist the ticket only once its start event is durable in the outbox: a tab closed during
      // the hash round trip leaves neither, and the next visit starts cleanly.
      await saveTicketState(adapter.id, ticketId, model.get().ticketId === ticketId && model.get().state ? model.get().state! : state);
      if (customerKey) await updateTicket(ticketId, (st) => ({ ...st, customerKey }));
    }
    const key = stored?.customerKey || (model.get().ticketId === ticketId ? model.get().state?.customerKey : '');
    if (!key) return;
    const found = await send('customer/history', { customerKey: key, interactionId: state.interactionId }).catch(() => ({ attempts: [] }));
    if (model.get().ticketId !== ticketId) return;
    history = found.attempts;
    recompute();
  }

  /** Changes one ticket's stored state, and the panel's copy when it is the ticket on screen. */
  async function updateTicket(ticketId: string, change: (s: TicketState) => TicketState): Promise<void> {
    const m = model.get();
    if (m.ticketId === ticketId && m.state) return commit(change(m.state), false);
    const st = await loadTicketState(adapter.id, ticketId);
    if (st) await saveTicketState(adapter.id, ticketId, change(st));
  }

  function refresh(): void {
    const url = new URL(location.href);
    const read = adapter.read(document, url);
    // The URL's id is only a fallback for a rendered ticket the adapter cannot fully read (generic
    // checklist). While the pane is still loading, wait: products whose URL id differs from the shown id
    // (ServiceNow sys_id vs INC number) would otherwise open the same ticket under two ids.
    const ticketId = read.context?.ticketId ?? (adapter.findTicketRoot(document) ? adapter.ticketIdFromUrl(url) : null);
    const m = model.get();
    reportHealth(read);
    // Busy pages re-render constantly; when nothing we use changed, do no work at all.
    const signature = readSignature(read, ticketId);
    if (signature === lastSignature && ticketId === m.ticketId) return;
    lastSignature = signature;
    if (ticketId && ticketId !== m.ticketId && ticketId !== loadingTicket) {
      openTicket(read, ticketId).catch((err: unknown) => {
        // Worker unreachable (extension updated, profile shutting down): say so; the next change retries.
        loadingTicket = null;
        console.warn('[Resolve Plus] could not open ticket', err);
        model.set((x) => ({ ...x, notice: { kind: 'warn', text: 'warn_worker_unreachable' } }));
      });
      return;
    }
    model.set({ ...m, read });
    recompute();
  }

  let lastSignature = '';
  /** Settles once the current interaction's start event is in the outbox. */
  let startPending: Promise<unknown> = Promise.resolve();

  /** Badge + the options page's per-site health line; only when what we could read changed. */
  let lastHealth = '';
  function reportHealth(read: ReadResult): void {
    const summary = read.diagnostics.map((d) => `${d.field}:${d.ok ? 1 : 0}`).join(',');
    if (summary === lastHealth) return;
    lastHealth = summary;
    void send('tab/status', { helpdesk: adapter.id, recognised: read.context !== null }).catch(() => {});
    void browser.storage.local
      .set({ [KEYS.healthPrefix + adapter.id]: { at: Date.now(), diagnostics: read.diagnostics } })
      .catch(() => {});
  }

  const actions = {
    async toggleStep(stepId: string): Promise<void> {
      const state = model.get().state;
      if (!state) return;
      const done = state.checklist[stepId];
      if (done) {
        const { [stepId]: _gone, ...rest } = state.checklist;
        // Un-ticking an auto-ticked step means the signal was wrong: never auto-tick it again.
        const suppressedAuto = done.auto ? [...new Set([...state.suppressedAuto, stepId])] : state.suppressedAuto;
        void emit(state.interactionId, { type: 'step-undone', stepId });
        await commit({ ...state, checklist: rest, suppressedAuto });
      } else {
        void emit(state.interactionId, { type: 'step-completed', stepId, auto: false });
        await commit({ ...state, checklist: { ...state.checklist, [stepId]: { doneAt: Date.now(), auto: false } } });
      }
      model.set((m) => ({ ...m, notice: m.notice?.undoStep === stepId ? null : m.notice }));
    },
    async tickNextStep(): Promise<void> {
      const next = model.get().evaluation?.steps.find((s) => s.applicable && !s.done);
      if (next) await actions.toggleStep(next.id);
    },
    async offer(moveId: string, via: 'insert' | 'copy' | 'manual'): Promise<void> {
      const m = model.get();
      const e = m.evaluation?.eligible.find((x) => x.move.id === moveId);
      if (!m.state || !e) return;
      let notice: PanelModel['notice'] = null;
      if (via === 'insert') {
        const r = await adapter.insertText(document, e.text);
        if (!r.inserted) {
          const copied = await copyText(e.text);
          via = 'copy';
          notice = { kind: copied ? 'info' : 'warn', text: copied ? 'notice_copied_fallback' : 'notice_copy_failed' };
        } else notice = { kind: 'info', text: 'notice_inserted' };
      } else if (via === 'copy') {
        const copied = await copyText(e.text);
        notice = { kind: copied ? 'info' : 'warn', text: copied ? 'notice_copied' : 'notice_copy_failed' };
      }
      const prev = m.state.moves[moveId] ?? {};
      if (!prev.offeredAt) void emit(m.state.interactionId, { type: 'move-offered', via, ...moveRef(e.move) });
      model.set((x) => ({ ...x, notice }));
      await commit({ ...m.state, moves: { ...m.state.moves, [moveId]: { ...prev, offeredAt: prev.offeredAt ?? Date.now(), outcome: prev.outcome ?? 'offered' } } }, false);
    },
    async recordOutcome(moveId: string, outcome: Outcome, skipReason: SkipReason | null = null): Promise<void> {
      const m = model.get();
      const move = m.evaluation?.eligible.find((x) => x.move.id === moveId)?.move ?? m.playbook?.moves.find((x) => x.id === moveId);
      if (!m.state || !move) return;
      void emit(m.state.interactionId, { type: 'move-outcome', outcome, skipReason, ...moveRef(move) });
      const prev = m.state.moves[moveId] ?? {};
      const offeredAt = outcome === 'not-a-fit' ? prev.offeredAt : (prev.offeredAt ?? Date.now());
      await commit({ ...m.state, moves: { ...m.state.moves, [moveId]: { ...prev, offeredAt, outcome, skipReason } } }, false);
    },
    async answerWrapup(answer: Partial<WrapupAnswers>): Promise<void> {
      const state = model.get().state;
      if (!state) return;
      void emit(state.interactionId, {
        type: 'wrapup',
        vesAchieveMore: answer.vesAchieveMore ?? null,
        vesConfidence: answer.vesConfidence ?? null,
        effort: answer.effort ?? null,
      });
      await commit({ ...state, wrapup: { ...state.wrapup, ...answer } }, false);
    },
    async finish(): Promise<void> {
      const state = model.get().state;
      if (!state || state.ended) return;
      void emit(state.interactionId, { type: 'interaction-ended', reason: 'closed' });
      await commit({ ...state, ended: true }, false);
    },
    dismissNotice(): void {
      model.set((m) => ({ ...m, notice: null }));
    },
  };

  async function loadPlaybooks(): Promise<void> {
    const active = await send('playbook/active', { locale: browser.i18n.getMessage('@@ui_locale') });
    playbooks = active.playbooks as Playbook[];
    model.set((m) => ({ ...m, playbookSource: active.source }));
  }

  async function watchStorageProblem(): Promise<void> {
    const show = (v: unknown) =>
      model.set((m) => ({ ...m, storageProblem: v ? String((v as { message?: string }).message ?? v) : null }));
    show((await browser.storage.local.get(KEYS.storageProblem))[KEYS.storageProblem]);
    const listener = (changes: Record<string, Browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && KEYS.storageProblem in changes) show(changes[KEYS.storageProblem]?.newValue);
      if (area === 'local' && (KEYS.playbooks in changes || KEYS.policyMirror in changes)) void loadPlaybooks().then(recompute);
    };
    browser.storage.onChanged.addListener(listener);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
  }

  async function start(): Promise<void> {
    await loadPlaybooks();
    void watchStorageProblem();
    refresh();
    watchPage(adapter, refresh, signal);
    // Conditions on elapsed time need a clock even when the page is quiet.
    const tick = setInterval(recompute, 30_000);
    signal.addEventListener('abort', () => clearInterval(tick));
  }

  return { model, actions, start };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type Controller = ReturnType<typeof createController>;
export type PanelActions = Controller['actions'];

/** A cheap fingerprint of what the engine and panel use from a read (messages by count and last length). */
function readSignature(read: ReadResult, ticketId: string | null): string {
  const c = read.context;
  if (!c) return `none|${ticketId}|${read.diagnostics.map((d) => (d.ok ? 1 : 0)).join('')}`;
  const last = c.messages[c.messages.length - 1];
  return [ticketId, c.subject, c.requesterName, c.customerKey, c.channel, c.status, c.tags.join(','), c.product, c.messages.length, last?.role, last?.text.length, last?.text.slice(-40)].join('|');
}

function moveRef(move: { id: string; kind: MoveRef['moveKind']; title: string }): MoveRef {
  return { moveId: move.id, moveKind: move.kind, moveTitle: move.title.slice(0, 500) };
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (page lacks focus or permission policy): the legacy copy command still works.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
    document.documentElement.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
