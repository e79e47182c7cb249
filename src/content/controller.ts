/**
 * The content script's runner for the ticket session: reads the active ticket through the site adapter,
 * feeds rep actions and page readings to the pure session rules (src/core/session) and performs the
 * effects they return — events to the outbox, state to storage, notices and the engine's reading to the
 * panel — plus the worker round trips (customer key, history, playbooks). Everything it starts is torn
 * down by one AbortSignal.
 */
import type Browser from 'webextension-polyfill';
import { browser } from '../shared/ext';
import type { Outcome, SkipReason } from '../core/log/types';
// Direct module imports, not the playbook barrel: the content script must not bundle the schema or the
// built-in playbooks (the worker validates and serves playbooks; the page only evaluates them).
import { type Evaluation, evaluate } from '../core/playbook/engine';
import { selectPlaybook } from '../core/playbook/select';
import type { HistoryAttempt } from '../core/playbook/history';
import type { Playbook } from '../core/playbook/types';
import { resolveVariant, variantByLabel } from '../core/playbook/variant';
import { customerMessageCount, stageOf, vesAskText } from '../core/session/live-chat';
import { applyRepAction, type RepAction, settle } from '../core/session/ticket-session';
import type { EventBody, Transition } from '../core/session/types';
import type { TicketContext } from '../core/ticket/types';
import { send } from '../messaging/client';
import type { OpenChat } from '../messaging/protocol';
import { t } from '../shared/i18n';
import type { ReadResult, SiteAdapter } from '../sites/adapter';
import { KEYS } from '../shared/storage-keys';
import { copyText } from './clipboard';
import { createEmitter } from './emitter';
import { createInteraction, type Interaction, type Issued } from './interaction';
import { Outbox } from './outbox';
import { createHealthReporter, readSignature } from './page-health';
import { panelSay } from './panel/Moves';
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
  /** True while no rep id is set: events are logged as `unknown` and the panel says so. */
  readonly repIdMissing: boolean;
  /** The rep's open conversations in this browser (this tab's included), from the worker. */
  readonly chats: readonly OpenChat[];
}

export interface ControllerDeps {
  readonly adapter: SiteAdapter;
  readonly repId: string;
  readonly agentName: string;
}

export function createController({ adapter, repId: initialRepId, agentName }: ControllerDeps, signal: AbortSignal) {
  // Re-read when the config changes (the rep sets an id in the popup, an admin pushes a policy).
  let repId = initialRepId;
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
    repIdMissing: !initialRepId || initialRepId === 'unknown',
    chats: [],
  });
  const macKeys = new Map<string, string>();
  const outbox = new Outbox(signal, (s) => model.set((m) => ({ ...m, pendingEvents: s.pending })), (id) => macKeys.get(id));
  const origin = location.origin;
  let playbooks: Playbook[] = [];
  let history: HistoryAttempt[] = [];
  let loadingTicket: string | null = null;

  const emitter = createEmitter(outbox);
  /** The ticket on screen's interaction (worker-issued id, lazy start); null before the first ticket. */
  let interaction: Interaction | null = null;

  /**
   * The playbook (and A/B variant) for a ticket. `pinned`: the variant the ticket's state recorded — a
   * ticket keeps it even when the page shows the customer only later (which would change the
   * customer-keyed assignment), so the moves shown match the variant logged.
   */
  function playbookFor(context: TicketContext | null, ticketId: string, pinned?: string): { playbook: Playbook; variant: string } | null {
    const base = selectPlaybook(playbooks, context);
    if (!base) return null;
    return (pinned === undefined ? null : variantByLabel(base, pinned)) ?? resolveVariant(base, ticketId, context?.customerKey);
  }

  /**
   * Runs the session rules (core/session) on the current reading: the engine is re-run inside `settle`
   * until auto-ticks stop, so no recompute → commit → recompute recursion remains here.
   */
  function recompute(): void {
    const m = model.get();
    const ctx = m.read?.context ?? null;
    if (!m.state || !m.ticketId) {
      model.set({ ...m, evaluation: null });
      return;
    }
    const chosen = playbookFor(ctx, m.ticketId, m.state.variant);
    if (!chosen) return;
    const now = Date.now();
    const settled = settle(
      m.state,
      (s) => evaluate(chosen.playbook, { context: ctx, checklist: s.checklist, suppressedAuto: s.suppressedAuto, startedAt: s.startedAt, now, history, agentName, say: panelSay }),
      now,
    );
    model.set({ ...m, state: settled.state, evaluation: settled.evaluation, playbook: chosen.playbook });
    perform(settled, m.ticketId, m.state);
    reportChat(false);
  }

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
  function perform(t: Transition, ticketId: string, before: TicketState): void {
    for (const effect of t.effects) {
      if (effect.kind === 'emit') interaction?.emit(effect.body);
      else model.set((x) => ({ ...x, notice: effect.notice }));
    }
    if (t.state !== before && interaction?.started) persist(ticketId, t.state);
  }

  /** Storage writes in the order the states were made, each after the interaction's start is in the outbox. */
  let persisted: Promise<unknown> = Promise.resolve();
  function persist(ticketId: string, state: TicketState): Promise<unknown> {
    const current = interaction;
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

  /** A rep action: paint first (the tick shows in the next frame), then log and persist in order. */
  async function act(action: RepAction): Promise<void> {
    const m = model.get();
    if (!m.state || !m.ticketId || !interaction) return;
    const t = applyRepAction(m.state, action, m.evaluation, Date.now());
    model.set({ ...m, state: t.state });
    // The rep's first action starts the interaction: the start event, then what waited for it.
    if (!interaction.started) void interaction.start((got) => startBody(got, m.ticketId!));
    perform(t, m.ticketId, m.state);
    recompute();
    await persisted;
  }

  /** The start event's body, once the worker issued the id (the customer key is hashed for it). */
  let readAtOpen: ReadResult | null = null;
  async function startBody(got: Issued, ticketId: string): Promise<EventBody> {
    const read = readAtOpen;
    const customerKey = model.get().state?.customerKey || (await hashFor(got.interactionId, ticketId, read));
    // Chosen after the customer's identity settled (the A/B assignment is by customer), then pinned.
    const latest = model.get().ticketId === ticketId ? model.get().read?.context : null;
    const chosen = playbookFor(latest ?? read?.context ?? null, ticketId);
    if (chosen && model.get().ticketId === ticketId) model.set((m) => (m.state ? { ...m, state: { ...m.state, variant: chosen.variant } } : m));
    return {
      type: 'interaction-started',
      helpdesk: adapter.id,
      ticketId,
      customerKey,
      channel: read?.context?.channel ?? 'other',
      // The worker stamps its own rep id on this event; the page's is a placeholder.
      repId,
      playbookId: chosen?.playbook.id ?? '',
      playbookVersion: chosen?.playbook.version ?? 0,
      variant: chosen?.variant ?? '',
    };
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
    const stored = await loadTicketState(origin, adapter.id, ticketId);
    if (loadingTicket !== ticketId || signal.aborted) return; // switched again meanwhile
    const chosen = playbookFor(read.context, ticketId);
    const state = stored ?? newTicketState(Date.now(), '', chosen?.variant ?? '');
    const current = createInteraction({ emitter, helpdesk: adapter.id, ticketId, openedAt: state.startedAt, keys: macKeys, ...(stored ? { resume: stored.interactionId } : {}) });
    interaction = current;
    readAtOpen = read;
    // Show the checklist at once; the worker round trips (id, customer key, history) follow and refine it.
    history = [];
    model.set((m) => ({ ...m, read, ticketId, state, notice: null }));
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
        const r = await insertIntoReply(e.text);
        if (!r) {
          const copied = await copyText(e.text);
          via = 'copy';
          notice = { kind: copied ? 'info' : 'warn', text: copied ? 'notice_copied_fallback' : 'notice_copy_failed' };
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
      const m = model.get();
      const text = vesAskText(m.playbook?.vesQuestions, {
        intro: t('ves_ask_intro'),
        achieveMore: t('ves_ask_achieve_more'),
        confidence: t('ves_ask_confidence'),
        effort: t('ves_ask_effort'),
      });
      let notice: PanelModel['notice'];
      if (await insertIntoReply(text)) notice = { kind: 'info', text: 'notice_ves_asked' };
      else {
        const copied = await copyText(text);
        notice = { kind: copied ? 'info' : 'warn', text: copied ? 'notice_copied_fallback' : 'notice_copy_failed' };
      }
      model.set((x) => ({ ...x, notice }));
    },
    async recordOutcome(moveId: string, outcome: Outcome, skipReason: SkipReason | null = null): Promise<void> {
      const m = model.get();
      const move = m.evaluation?.eligible.find((x) => x.move.id === moveId)?.move ?? m.playbook?.moves.find((x) => x.id === moveId);
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
   * the insert strategy did with focus. False when the text could not be inserted.
   */
  async function insertIntoReply(text: string): Promise<boolean> {
    const r = await adapter.insertText(document, text);
    if (!r.inserted) return false;
    const composer = adapter.findComposer(document);
    if (composer && document.activeElement !== composer && !composer.contains(document.activeElement)) composer.focus();
    return true;
  }

  async function loadRepId(): Promise<void> {
    const settings = await send('config/panel', {});
    repId = settings.repId || 'unknown';
    model.set((m) => ({ ...m, repIdMissing: !settings.repId || settings.repId === 'unknown' }));
  }

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
      if (area === 'local' && KEYS.configChanged in changes) {
        void loadPlaybooks().then(recompute);
        void loadRepId().catch(() => {});
      }
    };
    browser.storage.onChanged.addListener(listener);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
  }

  async function start(): Promise<void> {
    await loadPlaybooks();
    void watchStorageProblem();
    refresh();
    watchPage(adapter, refresh, signal);
    adapter.onAsyncUpdate?.(refresh, signal); // the helpdesk API's answer, the fallback's wait for a pane
    // Conditions on elapsed time need a clock even when the page is quiet.
    const tick = setInterval(recompute, 30_000);
    signal.addEventListener('abort', () => clearInterval(tick));
    // Back at the front (the rep jumped here): refresh the other chats' stages.
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && reportChat(true), { signal });
  }

  return { model, actions, start };
}

export type Controller = ReturnType<typeof createController>;
export type PanelActions = Controller['actions'];
