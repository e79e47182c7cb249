/**
 * The content script's runner for the ticket session: reads the active ticket through the site adapter,
 * feeds rep actions and page readings to the pure session rules (src/core/session) and performs the
 * effects they return — events to the outbox, state to storage, notices and the engine's reading to the
 * panel — plus the worker round trips (customer key, history, the engine's reading). Playbook selection,
 * the A/B variant and the engine run in the worker (`moves/evaluate`): a tick paints at once from the
 * last reading, the moves follow when the worker answers (evaluation.ts). Everything it starts is torn
 * down by one AbortSignal.
 */
import type Browser from 'webextension-polyfill';
import { browser } from '../shared/ext';
import type { Outcome, SkipReason } from '../core/log/types';
// Types only from the playbook modules: the engine, selection and variants run in the worker.
import type { Evaluation } from '../core/playbook/engine';
import type { HistoryAttempt } from '../core/playbook/history';
import { customerMessageCount, stageOf } from '../core/session/live-chat';
import { applyRepAction, type RepAction } from '../core/session/ticket-session';
import type { EventBody, Transition } from '../core/session/types';
import { send } from '../messaging/client';
import type { EvaluateAnswer, EvaluateRequest, OpenChat } from '../messaging/protocol';
import type { ReadResult, SiteAdapter } from '../sites/adapter';
import { INSERT_UNLOADED } from '../sites/insert';
import { t } from '../shared/i18n';
import { KEYS } from '../shared/storage-keys';
import { afterNextPaint, whenPainted } from './after-paint';
import { copyText } from './clipboard';
import { createEmitter } from './emitter';
import { type EngineInputs, inputsOf, latestOnly, requestFor, sameInputs, tickLocally, withAnswer } from './evaluation';
import { createInteraction, type Interaction, type Issued } from './interaction';
import { Outbox } from './outbox';
import { createHealthReporter, readSignature } from './page-health';
import { createStore } from './store';
import { loadTicketState, newTicketState, saveTicketState, type TicketState, type WrapupAnswers } from './ticket-state';
import { watchPage } from './watch';

export interface PanelModel {
  readonly adapterLabel: string;
  readonly read: ReadResult | null;
  readonly ticketId: string | null;
  readonly state: TicketState | null;
  /** The worker's reading of this ticket (a tick is shown in it at once; moves wait for the next answer). */
  readonly evaluation: Evaluation | null;
  /** `pending`: a question about a changed state is with the worker; `unavailable`: the worker did not answer. */
  readonly movesStatus: 'pending' | 'ready' | 'unavailable';
  /** What "Ask in chat" inserts (the playbook's wording, from the worker). */
  readonly vesAsk: string;
  /** From the worker with the reading: what the customer's reply suggests about an offer. */
  readonly suggested: EvaluateAnswer['suggested'];
  readonly notice: { kind: 'info' | 'warn'; text: string; undoStep?: string } | null;
  readonly storageProblem: string | null;
  readonly pendingEvents: number;
  /** True while no rep id is set: events are logged as `unknown` and the panel says so. */
  readonly repIdMissing: boolean;
  /** The rep's open conversations in this browser (this tab's included), from the worker. */
  readonly chats: readonly OpenChat[];
}

export interface ControllerDeps {
  readonly adapter: SiteAdapter;
  readonly repId: string;
  /** Unused here since the engine runs in the worker, which reads the rep's name itself ({agent.name}). */
  readonly agentName?: string;
}

/**
 * Asks the worker's engine for its reading in the panel's own language: the worker's catalogue, and what
 * Chromium tells it of the UI language, can differ from the page's (shared/i18n.ts textLanguage).
 */
const evaluateIn = (q: EvaluateRequest) => send('moves/evaluate', { ...q, lang: t('ui_language') });

export function createController({ adapter, repId: initialRepId }: ControllerDeps, signal: AbortSignal) {
  // Re-read when the config changes (the rep sets an id in the popup, an admin pushes a policy).
  let repId = initialRepId;
  const model = createStore<PanelModel>({
    adapterLabel: adapter.label,
    read: null,
    ticketId: null,
    state: null,
    evaluation: null,
    movesStatus: 'pending',
    vesAsk: '',
    suggested: null,
    notice: null,
    storageProblem: null,
    pendingEvents: 0,
    repIdMissing: !initialRepId || initialRepId === 'unknown',
    chats: [],
  });
  const macKeys = new Map<string, string>();
  const outbox = new Outbox(signal, (s) => model.set((m) => ({ ...m, pendingEvents: s.pending })), (id) => macKeys.get(id));
  const origin = location.origin;
  let history: HistoryAttempt[] = [];
  let loadingTicket: string | null = null;

  const emitter = createEmitter(outbox);
  /** The ticket on screen's interaction (worker-issued id, lazy start); null before the first ticket. */
  let interaction: Interaction | null = null;

  /**
   * Asks the worker for the engine's reading when what the engine reads changed (or when `force`d: the
   * configuration changed, time passed). One question in flight; older answers are dropped.
   */
  let asked: EngineInputs | null = null;
  /** The playbook has conditions on elapsed time (the worker says): a quiet page is re-evaluated now and then. */
  let timed = false;
  function recompute(force = false): void {
    const m = model.get();
    if (!m.state || !m.ticketId) {
      cancelAsk();
      evaluations.drop();
      if (m.evaluation) model.set({ ...m, evaluation: null });
      return;
    }
    const inputs = inputsOf(m.ticketId, m.read?.context ?? null, m.state, history);
    if (!force && sameInputs(asked, inputs)) return;
    asked = inputs;
    const q = requestFor(inputs, m.state);
    // Any answer in flight is about an older state from now on. The question itself goes after the next
    // paint: a tick paints without waiting for the message's serialization, and the answer's re-render
    // cannot land in the tick's frame (figure 4).
    evaluations.drop();
    cancelAsk();
    cancelAsk = afterNextPaint(() => evaluations.ask(q));
  }
  let cancelAsk: () => void = () => {};
  signal.addEventListener('abort', () => cancelAsk());

  /** The settled reading for the state asked about (still the current one: older answers never get here). */
  function useAnswer(a: EvaluateAnswer, q: EvaluateRequest): void {
    const m = model.get();
    if (!m.state || m.ticketId !== q.ticketId) return;
    timed = a.timed;
    const state = withAnswer(m.state, a);
    // Auto-ticks changed the checklist, but the worker already settled it: no second question.
    if (asked) asked = { ...asked, checklist: state.checklist };
    model.set({ ...m, state, evaluation: a.evaluation, movesStatus: 'ready', vesAsk: a.vesAsk, suggested: a.suggested });
    perform({ state, effects: a.effects }, m.ticketId, m.state);
    reportChat(false);
  }

  /** The worker did not answer: the checklist stays, stale moves go, the panel says so; the next change asks again. */
  function noAnswer(err: unknown, q: EvaluateRequest): void {
    asked = null;
    console.warn('[Resolve Plus] moves unavailable', err);
    model.set((m) =>
      m.ticketId === q.ticketId ? { ...m, movesStatus: 'unavailable', evaluation: m.evaluation && { ...m.evaluation, eligible: [] } } : m,
    );
  }

  const evaluations = latestOnly(evaluateIn, useAnswer, noAnswer);

  /**
   * Tells the worker this tab's conversation and stage when either changed (or when `force`d: the tab
   * came to the front and wants the others' latest stages); the answer is the list the panel shows.
   */
  let reported = '';
  function reportChat(force: boolean): void {
    const { state, ticketId, evaluation } = model.get();
    if (!state || !ticketId || !evaluation) return;
    const stage = stageOf(state, evaluation.eligible.length);
    const key = `${ticketId}\n${stage}`;
    if (key === reported && !force) return;
    reported = key;
    send('chats/report', { helpdesk: adapter.id, ticketId: ticketId.slice(0, 60), stage }).then(
      (r) => model.set((x) => ({ ...x, chats: r.chats })),
      () => {},
    );
  }

  /** A transition's effects: events (in order), notices to the panel, the state to storage once started. */
  function perform(t: Transition, ticketId: string, before: TicketState, into: Interaction | null = interaction): void {
    for (const effect of t.effects) {
      if (effect.kind === 'emit') into?.emit(effect.body);
      else model.set((x) => ({ ...x, notice: effect.notice }));
    }
    if (t.state !== before && into?.started) persist(ticketId, t.state, into);
  }

  /** Storage writes in the order the states were made, each after the interaction's start is in the outbox. */
  let persisted: Promise<unknown> = Promise.resolve();
  function persist(ticketId: string, state: TicketState, current: Interaction | null = interaction): Promise<unknown> {
    const next = persisted.then(async () => {
      await current?.startPending;
      const got = await current?.issued();
      // The worker's id and start time are the ones that count (the state may predate them).
      const final = got ? { ...state, interactionId: got.interactionId, startedAt: got.startedAt } : state;
      await saveTicketState(origin, adapter.id, ticketId, final);
    });
    persisted = next.catch(() => {});
    return next;
  }

  /**
   * A rep action: paint first (the tick shows in the next frame), then log and persist in order. The
   * logging, the storage write and the worker question wait until that frame has painted (after-paint.ts:
   * in the order the actions came, so a second click before the paint is logged and saved after the first).
   */
  async function act(action: RepAction): Promise<void> {
    const m = model.get();
    const current = interaction;
    const ticketId = m.ticketId;
    if (!m.state || !ticketId || !current) return;
    const t = applyRepAction(m.state, action, m.evaluation, Date.now());
    // A tick shows in this frame from the last reading; moves come back with the worker's answer.
    const tick = action.type === 'toggle-step' && m.evaluation;
    model.set({ ...m, state: t.state, ...(tick && { evaluation: tickLocally(tick, t.state.checklist), movesStatus: 'pending' }) });
    const logged = whenPainted(() => {
      // The rep's first action starts the interaction: the start event, then what waited for it.
      if (!current.started) void current.start((got) => startBody(got, ticketId));
      perform(t, ticketId, m.state!, current);
    });
    // Queued after the logging: the answer's own events and writes come after this action's.
    recompute();
    // An offer or outcome moves the chat's stage; after a tick the stage waits for the worker's answer.
    if (!tick) reportChat(false);
    await logged;
    await persisted;
  }

  /** The start event's body, once the worker issued the id (the customer key is hashed for it). */
  let readAtOpen: ReadResult | null = null;
  async function startBody(got: Issued, ticketId: string): Promise<EventBody> {
    const read = readAtOpen;
    const customerKey = model.get().state?.customerKey || (await hashFor(got.interactionId, ticketId, read));
    // Chosen after the customer's identity settled (the A/B assignment is by customer), then pinned: the
    // ticket keeps this variant even if the page shows another customer key later.
    const m = model.get();
    const chosen = m.state && m.ticketId === ticketId ? await chooseAtStart(ticketId, m.read?.context ?? read?.context ?? null, m.state) : null;
    if (chosen && model.get().ticketId === ticketId) {
      model.set((x) => (x.state ? { ...x, state: { ...x.state, variant: chosen.variant } } : x));
      recompute();
    }
    return {
      type: 'interaction-started',
      helpdesk: adapter.id,
      ticketId,
      customerKey,
      channel: read?.context?.channel ?? 'other',
      // The worker stamps its own rep id on this event; the page's is a placeholder.
      repId,
      playbookId: chosen?.playbookId ?? '',
      playbookVersion: chosen?.playbookVersion ?? 0,
      variant: chosen?.variant ?? '',
    };
  }

  /** The playbook and variant for the start event, chosen afresh by the worker; null when it cannot answer. */
  function chooseAtStart(ticketId: string, context: EngineInputs['context'], state: TicketState): Promise<EvaluateAnswer | null> {
    const inputs = inputsOf(ticketId, context, { ...state, variant: '' }, history);
    return evaluateIn(requestFor(inputs, state)).catch(() => null);
  }

  /** A worker that cannot be reached must not cost us the start event: it is logged without the key. */
  async function hashFor(interactionId: string, ticketId: string, read: ReadResult | null): Promise<string> {
    // The helpdesk's API may still be reading the customer's identity (bounded wait, see sites/api.ts).
    await adapter.settled?.(ticketId);
    const latest = model.get().ticketId === ticketId ? model.get().read?.context?.customerKey : null;
    const raw = latest || read?.context?.customerKey || '';
    return raw ? send('customer/key', { raw, interactionId }).then((r) => r.key, () => '') : '';
  }

  async function openTicket(read: ReadResult, ticketId: string): Promise<void> {
    loadingTicket = ticketId;
    // A newer reading of this ticket may land while it loads (the helpdesk API's answer): that one is shown.
    const readBefore = model.get().read;
    // A new ticket's variant is pinned when its interaction starts (see startBody).
    const fresh = newTicketState(Date.now(), '', '');
    // The worker is asked while the stored state loads, as if the ticket were new: the ticket then shows
    // with its checklist in one frame. That reading is only shown (with this ticket's own ticks); the
    // question about the real state follows at once and its answer logs and offers.
    const [stored, first] = await Promise.all([
      loadTicketState(origin, adapter.id, ticketId),
      evaluateIn(requestFor(inputsOf(ticketId, read.context, fresh, []), fresh)).catch(() => null),
    ]);
    if (loadingTicket !== ticketId || signal.aborted) return; // switched again meanwhile
    const state = stored ?? fresh;
    const current = createInteraction({ emitter, helpdesk: adapter.id, ticketId, openedAt: state.startedAt, keys: macKeys, ...(stored ? { resume: stored.interactionId } : {}) });
    interaction = current;
    readAtOpen = read;
    // Show the checklist at once; the worker round trips (id, customer key, history) follow and refine it.
    history = [];
    const evaluation = first && tickLocally(first.evaluation, state.checklist);
    model.set((m) => ({ ...m, read: m.read !== readBefore && m.read ? m.read : read, ticketId, state, notice: null, evaluation, movesStatus: 'pending', suggested: null }));
    recompute();
    const got = await current.issued();
    if (interaction !== current || !got) return;
    // A stored ticket of this site keeps its interaction; if the worker issued another id (the binding
    // was purged), the new interaction starts on the next rep action like any other.
    if (stored && got.interactionId === stored.interactionId) {
      current.markStarted();
      // Auto-ticks made while the id was on its way were kept in memory only: save them now.
      const shown = model.get().state;
      if (shown && shown !== state) persist(ticketId, shown);
    }
    const customerKey = stored?.customerKey || (await hashFor(got.interactionId, ticketId, read));
    if (interaction !== current) return;
    model.set((m) => (m.state ? { ...m, state: { ...m.state, interactionId: got.interactionId, startedAt: got.startedAt, customerKey } } : m));
    if (!customerKey) return;
    const found = await send('customer/history', { interactionId: got.interactionId }).catch(() => ({ attempts: [] }));
    if (interaction !== current) return;
    history = found.attempts;
    recompute();
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
  const reportHealth = createHealthReporter(adapter.id);

  const actions = {
    async toggleStep(stepId: string): Promise<void> {
      await act({ type: 'toggle-step', stepId });
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
        const failed = await insertIntoReply(e.text);
        if (failed) {
          const copied = await copyText(e.text);
          via = 'copy';
          notice = { kind: copied ? 'info' : 'warn', text: copied ? failed : 'notice_copy_failed' };
        } else notice = { kind: 'info', text: 'notice_inserted' };
      } else if (via === 'copy') {
        const copied = await copyText(e.text);
        notice = { kind: copied ? 'info' : 'warn', text: copied ? 'notice_copied' : 'notice_copy_failed' };
      }
      model.set((x) => ({ ...x, notice }));
      // The customer's message count at the offer: a later reply makes the panel ask how they took it.
      await act({ type: 'offered', move: e.move, via, customerMessages: customerMessageCount(m.read?.context?.messages) });
    },
    /** "Ask in chat": the two VE statements and the effort question into the reply box (the rep sends them). */
    async askVes(): Promise<void> {
      const text = model.get().vesAsk;
      if (!text) return;
      let notice: PanelModel['notice'];
      const failed = await insertIntoReply(text);
      if (!failed) notice = { kind: 'info', text: 'notice_ves_asked' };
      else {
        const copied = await copyText(text);
        notice = { kind: copied ? 'info' : 'warn', text: copied ? failed : 'notice_copy_failed' };
      }
      model.set((x) => ({ ...x, notice }));
    },
    async recordOutcome(moveId: string, outcome: Outcome, skipReason: SkipReason | null = null): Promise<void> {
      const m = model.get();
      const held = m.evaluation?.heldBack.find((x) => x.moveId === moveId);
      const move = m.evaluation?.eligible.find((x) => x.move.id === moveId)?.move ?? (held && { id: held.moveId, kind: held.kind, title: held.title });
      if (move) await act({ type: 'outcome', move, outcome, skipReason });
    },
    async answerWrapup(answer: Partial<WrapupAnswers>): Promise<void> {
      await act({ type: 'wrapup', answer });
    },
    async finish(): Promise<void> {
      await act({ type: 'finish' });
    },
    /** Asks the worker for the open chats again (another chat's stage moved). */
    refreshChats(): void {
      reportChat(true);
    },
    /** Brings another open chat's tab to the front. */
    async focusChat(tabId: number): Promise<void> {
      await send('chats/focus', { tabId });
    },
    /** The next (1) or previous (-1) open chat after this tab's, wrapping. */
    async switchChat(delta: 1 | -1): Promise<void> {
      const { chats } = model.get();
      const at = chats.findIndex((c) => c.current);
      if (chats.length < 2 || at < 0) return;
      const target = chats[(at + delta + chats.length) % chats.length];
      if (target) await actions.focusChat(target.tabId);
    },
    dismissNotice(): void {
      model.set((m) => ({ ...m, notice: null }));
    },
  };

  /**
   * Inserts into the helpdesk's reply box and leaves the rep's focus there (to edit and send), whatever
   * the insert strategy did with focus. Null when inserted, else the notice that explains the copy fallback
   * (the editor refused it, or the insert code in the lazy bundle could not be loaded).
   */
  async function insertIntoReply(text: string): Promise<'notice_copied_fallback' | 'notice_copied_insert_unloaded' | null> {
    const r = await adapter.insertText(document, text);
    if (!r.inserted) return r.reason === INSERT_UNLOADED ? 'notice_copied_insert_unloaded' : 'notice_copied_fallback';
    const composer = adapter.findComposer(document);
    if (composer && document.activeElement !== composer && !composer.contains(document.activeElement)) composer.focus();
    return null;
  }

  async function loadRepId(): Promise<void> {
    const settings = await send('config/panel', {});
    repId = settings.repId || 'unknown';
    model.set((m) => ({ ...m, repIdMissing: !settings.repId || settings.repId === 'unknown' }));
  }

  async function watchStorageProblem(): Promise<void> {
    const show = (v: unknown) =>
      model.set((m) => ({ ...m, storageProblem: v ? String((v as { message?: string }).message ?? v) : null }));
    show((await browser.storage.local.get(KEYS.storageProblem))[KEYS.storageProblem]);
    const listener = (changes: Record<string, Browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && KEYS.storageProblem in changes) show(changes[KEYS.storageProblem]?.newValue);
      if (area === 'local' && KEYS.configChanged in changes) {
        recompute(true);
        void loadRepId().catch(() => {});
      }
    };
    browser.storage.onChanged.addListener(listener);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
  }

  async function start(): Promise<void> {
    void watchStorageProblem();
    refresh();
    watchPage(adapter, refresh, signal);
    adapter.onAsyncUpdate?.(refresh, signal); // the helpdesk API's answer, the fallback's wait for a pane
    // Conditions on elapsed time need a clock even when the page is quiet.
    // Asked only of playbooks that read the clock: otherwise a quiet tab would keep the worker awake.
    const tick = setInterval(() => timed && recompute(true), 30_000);
    signal.addEventListener('abort', () => clearInterval(tick));
    // Back at the front (the rep jumped here): refresh the other chats' stages.
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && reportChat(true), { signal });
  }

  return { model, actions, start };
}

export type Controller = ReturnType<typeof createController>;
export type PanelActions = Controller['actions'];
