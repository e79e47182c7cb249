/**
 * The rep's panel: header (drag, collapse), read problems, checklist, VE moves, wrap-up.
 * A class component, not hooks: `preact/hooks` would add about 1 kB (gzip) to every content bundle, which
 * has a 25 kB budget (README, figure 1a); the panel re-renders whenever one of its stores changes.
 */
import { Component, createRef } from 'preact';
import type { Outcome, SkipReason } from '../../core/log/types';
import { commandForKey, customerMessageCount, outcomePrompt, type PanelCommand, stepIndex } from '../../core/session/live-chat';
import type { Theme } from '../../core/settings/settings';
import { t } from '../../shared/i18n';
import type { Controller } from '../controller';
import { LazyView } from '../lazy/LazyView';
import type { Store } from '../store';
import { Chats } from './Chats';
import { Checklist } from './Checklist';
import { KeyHelp } from './KeyHelp';
import { type MoveChoice, Moves } from './Moves';
import { missingCostKey, whoseTicket } from './ticket-header';
import { type CoverReport, grantFocus, mayAct, trusted } from './trusted';
import { Wrapup } from './Wrapup';
import { nextQuestion } from './wrapup-keys';

export interface PanelPrefs {
  readonly x: number | null;
  readonly y: number | null;
  readonly collapsed: boolean;
  readonly hidden: boolean;
}

export interface AppProps {
  readonly controller: Controller;
  readonly prefs: Store<PanelPrefs>;
  readonly theme: Theme;
  /** Top edge of the reply box in the viewport, so the panel's default place never covers it. */
  readonly composerTop: () => number | null;
  /** When the page covered the panel, and how many clicks that swallowed (see trusted.ts). */
  readonly covers: Store<CoverReport>;
  readonly dismissCover: () => void;
}

interface AppState {
  /** Top of the reply box when last measured: the default place ends above it. */
  readonly bottom: number | null;
  readonly selectedId: string | null;
  readonly askingReason: string | null;
  readonly showKeys: boolean;
}

export class App extends Component<AppProps, AppState> {
  override state: AppState = { bottom: null, selectedId: null, askingReason: null, showKeys: false };
  private readonly panel = createRef<HTMLElement>();
  private readonly drag: { current: { dx: number; dy: number } | null } = { current: null };
  private cleanup: (() => void)[] = [];
  private measuredFor: string | null = null;

  // Keep the panel on screen when the window shrinks, and above the reply box (again for each ticket).
  private readonly onResize = () => {
    this.setState({ bottom: this.props.composerTop() });
    this.props.prefs.set((x) => ({ ...x }));
  };

  override componentDidMount(): void {
    const { controller, prefs, covers } = this.props;
    // Batched like a state change (forceUpdate would render synchronously inside whatever set the store).
    const rerender = () => this.setState({});
    this.cleanup = [controller.model.subscribe(rerender), prefs.subscribe(rerender), covers.subscribe(rerender)];
    window.addEventListener('resize', this.onResize);
    this.cleanup.push(() => window.removeEventListener('resize', this.onResize));
    this.measuredFor = controller.model.get().ticketId;
    this.onResize();
  }

  override componentDidUpdate(): void {
    const ticketId = this.props.controller.model.get().ticketId;
    if (ticketId === this.measuredFor) return;
    this.measuredFor = ticketId;
    this.onResize();
  }

  override componentWillUnmount(): void {
    for (const off of this.cleanup.splice(0)) off();
  }

  override render() {
    const { controller, prefs, theme, covers, dismissCover } = this.props;
    const { bottom, selectedId, askingReason, showKeys } = this.state;
    const m = controller.model.get();
    const p = prefs.get();
    const cover = covers.get();
    const { actions } = controller;
    const panel = this.panel;
    const drag = this.drag;
    const setSelectedId = (selectedId: string | null) => this.setState({ selectedId });
    const setAskingReason = (askingReason: string | null) => this.setState({ askingReason });
    const setShowKeys = (next: (v: boolean) => boolean) => this.setState((s) => ({ showKeys: next(s.showKeys) }));

    const eligible = m.evaluation?.eligible ?? [];
    // Only a move the rep chose (j/k) is a target: a key pressed elsewhere in the panel acts on no move by default.
    const selected = eligible.find((e) => e.move.id === selectedId)?.move.id ?? null;
    const messages = m.read?.context?.messages;
    const prompted = m.state ? outcomePrompt(m.state, customerMessageCount(messages)) : null;
    const promptedTitle = prompted ? (eligible.find((e) => e.move.id === prompted)?.move.title ?? m.evaluation?.heldBack.find((x) => x.moveId === prompted)?.title ?? prompted) : null;

    const record = (moveId: string, outcome: Outcome, reason: SkipReason | null = null) => {
      // Not a fit needs its reason first: ask it (keys a–d or a click), with focus on the question.
      if (outcome === 'not-a-fit' && reason === null) {
        setAskingReason(moveId);
        requestAnimationFrame(() => {
          const q = panel.current?.querySelector<HTMLElement>(`[data-move-id="${CSS.escape(moveId)}"] [data-skip-reasons] button`);
          if (q) grantFocus(q);
        });
        return;
      }
      setAskingReason(null);
      if (outcome === 'offered') void actions.offer(moveId, 'manual');
      else void actions.recordOutcome(moveId, outcome, reason);
    };
    const choice: MoveChoice = { selected, askingReason, record };

    // Focus moves with the choice in the same key press: the card is already shown (j/k walk the shown
    // moves). Deferred to the next frame, a key pressed before that frame (a busy machine, a tab that is
    // not painting) still came from the old card and acted on the move the rep had just left.
    const focusMove = (id: string) => {
      const card = panel.current?.querySelector<HTMLElement>(`[data-move-id="${CSS.escape(id)}"]`);
      if (card) {
        grantFocus(card);
        card.scrollIntoView({ block: 'nearest' });
      }
    };

    /** The move a key acts on: the card holding focus, else the one the customer just answered about, else the chosen one. */
    const targetMove = (from: Element | null): string | null => from?.closest('[data-move-id]')?.getAttribute('data-move-id') ?? prompted ?? selected;

    const run = (c: PanelCommand, from: Element | null) => {
      switch (c.type) {
        case 'next-move':
        case 'previous-move': {
          if (eligible.length === 0) return;
          const at = eligible.findIndex((e) => e.move.id === selected);
          // From no choice, j picks the first move and k the last.
          const id = eligible[at < 0 ? (c.type === 'next-move' ? 0 : eligible.length - 1) : stepIndex(at, c.type === 'next-move' ? 1 : -1, eligible.length)]!.move.id;
          setSelectedId(id);
          focusMove(id);
          return;
        }
        case 'insert':
        case 'copy': {
          const id = from?.closest('[data-move-id]')?.getAttribute('data-move-id') ?? selected;
          if (id) void actions.offer(id, c.type);
          return;
        }
        case 'outcome': {
          const id = targetMove(from);
          if (id) record(id, c.outcome);
          return;
        }
        case 'skip-reason':
          if (askingReason) record(askingReason, 'not-a-fit', c.reason);
          return;
        case 'tick-step':
          void actions.tickNextStep();
          return;
        case 'ask-ves':
          void actions.askVes();
          // Focus goes to the reply box (to send); the questions to record the answers come into view here.
          panel.current?.querySelector('[data-wrapup]')?.scrollIntoView({ block: 'start' });
          return;
        case 'finish':
          void actions.finish();
          return;
        case 'help':
          setShowKeys((v) => !v);
          return;
        case 'next-chat':
        case 'previous-chat':
          void actions.switchChat(c.type === 'next-chat' ? 1 : -1);
          return;
      }
    };

    /**
     * Every panel key. Plain keys only act with focus in the panel that the rep gave (mayAct, trusted.ts):
     * typing in the helpdesk's reply box never reaches here, and a page cannot aim the rep's keys at us.
     */
    const onPanelKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
      const from = (e.composedPath()[0] as Element | undefined) ?? null;
      // With focus in the wrap-up, digits answer its next unanswered question (1–5, effort 1–7).
      const q = m.state && from?.closest('[data-wrapup]') ? nextQuestion(m.state.wrapup) : null;
      const digit = /^[1-7]$/.test(e.key) ? Number(e.key) : 0;
      if (q && digit) {
        if (digit > q.max || !mayAct(e)) return;
        e.preventDefault();
        void actions.answerWrapup({ [q.field]: digit });
        return;
      }
      const c = commandForKey(e.key, { ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey }, askingReason !== null);
      if (!c || !mayAct(e)) return;
      e.preventDefault();
      run(c, from);
    };

    if (p.hidden) return null;
    const width = 330;
    const left = p.x === null ? Math.max(8, window.innerWidth - width - 16) : Math.min(Math.max(0, p.x), window.innerWidth - 60);
    const top = p.y === null ? 64 : Math.min(Math.max(0, p.y), window.innerHeight - 40);
    // In its default place the panel ends above the reply box; a panel the rep moved keeps its place.
    // Either way it ends inside the window: a CSS cap of 100vh would let a panel starting at 64px run past
    // the window's bottom, and whatever scrolled into that strip (Insert, Finish) could be neither seen nor clicked.
    const floor = p.y === null && bottom !== null && bottom - top > 220 ? Math.min(bottom, window.innerHeight) : window.innerHeight;
    const maxHeight = `${Math.max(80, floor - top - 8)}px`;
    const missing = m.read?.diagnostics.filter((d) => !d.ok && d.field !== 'ticketId').map((d) => d.field) ?? [];

    const onPointerDown = (e: PointerEvent) => {
      if (!e.isTrusted || (e.target as Element).closest('button')) return;
      drag.current = { dx: e.clientX - left, dy: e.clientY - top };
      (e.currentTarget as Element).setPointerCapture(e.pointerId);
    };
    const onPointerMove = (e: PointerEvent) => {
      if (!drag.current) return;
      prefs.set((x) => ({ ...x, x: e.clientX - drag.current!.dx, y: e.clientY - drag.current!.dy }));
    };
    const onPointerUp = () => {
      drag.current = null;
    };
    const nudge = (e: KeyboardEvent) => {
      const step = e.shiftKey ? 40 : 10;
      const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
      if (!d || !mayAct(e)) return;
      e.preventDefault();
      prefs.set((x) => ({ ...x, x: left + (d[0] ?? 0), y: top + (d[1] ?? 0) }));
    };

    return (
      <section
        ref={panel}
        class="panel"
        data-theme={theme}
        style={{ left: `${left}px`, top: `${top}px`, maxHeight }}
        aria-label={t('panel_label')}
        tabIndex={-1}
        onKeyDown={onPanelKey}
      >
        {/* Header and notices stay at the top; only the body below them scrolls (styles.ts), so the notice an
            Insert, a copy or an auto-tick answers with, and the covered warning, stay in sight while the rep
            works further down (the move card, the wrap-up), and nothing scrolled into view hides under them. */}
        <header onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp}>
          <h2>Resolve Plus</h2>
          <span class="ticket" title={m.ticketId ?? ''}>
            {m.ticketId ? `#${m.ticketId}` : m.adapterLabel}
          </span>
          {m.ticketId && whoseTicket(m.read?.context) && (
            <span class="whose" title={whoseTicket(m.read?.context)}>
              {whoseTicket(m.read?.context)}
            </span>
          )}
          <span class="spacer" />
          <button type="button" class="icon" aria-label={t('action_move_panel')} title={t('action_move_panel')} onKeyDown={nudge}>
            ✥
          </button>
          <button
            type="button"
            class="icon"
            aria-expanded={!p.collapsed}
            aria-label={p.collapsed ? t('action_expand') : t('action_collapse')}
            onClick={trusted(() => prefs.set((x) => ({ ...x, collapsed: !x.collapsed })))}
          >
            {p.collapsed ? '▸' : '▾'}
          </button>
          <button type="button" class="icon" aria-label={t('action_hide')} onClick={trusted(() => prefs.set((x) => ({ ...x, hidden: true })))}>
            ✕
          </button>
        </header>
        {!p.collapsed && (
          <div>
            {/* Only when it mattered: a page tooltip passing over the panel is not worth a warning. */}
            {cover.coveredAt !== null && cover.ignored > 0 && (
              <div class="warn" role="status" data-covered>
                <span>{t('warn_covered', new Date(cover.coveredAt).toLocaleTimeString(), cover.ignored)}</span>
                <span class="spacer" />
                <button type="button" class="icon" aria-label={t('action_dismiss')} onClick={trusted(() => dismissCover())}>
                  ✕
                </button>
              </div>
            )}
            <div role="status" aria-live="polite">
              {m.notice && (
                <div class={m.notice.kind === 'warn' ? 'warn' : 'note'}>
                  <span>{m.notice.undoStep ? t('notice_auto_ticked', m.notice.text) : t(m.notice.text)}</span>
                  <span class="spacer" />
                  {m.notice.undoStep && (
                    <button type="button" onClick={trusted(() => void actions.toggleStep(m.notice!.undoStep!))}>
                      {t('action_undo')}
                    </button>
                  )}
                  <button type="button" class="icon" aria-label={t('action_dismiss')} onClick={trusted(() => actions.dismissNotice())}>
                    ✕
                  </button>
                </div>
              )}
            </div>
          </div>
        )}
        {!p.collapsed && (
          <div class="body">
            {m.repIdMissing && (
              <div class="warn" role="alert" data-rep-id-missing>
                {t('warn_rep_id_missing')}
              </div>
            )}
            {showKeys && <KeyHelp onClose={() => setShowKeys(() => false)} />}
            <Chats chats={m.chats} onJump={(tabId) => void actions.focusChat(tabId)} />
            {m.storageProblem && <div class="warn" role="alert">{t('warn_storage', m.storageProblem)}</div>}
            {m.read && !m.read.context && m.ticketId && (
              <div class="warn" role="status">
                {t('warn_unreadable', m.adapterLabel, missing.join(', '))}
              </div>
            )}
            {m.read?.context && missing.length > 0 && (
              <ul class="missing muted" data-missing={missing.join(' ')}>
                {missing.map((f) => (
                  <li key={f}>{t(missingCostKey(f))}</li>
                ))}
              </ul>
            )}
            {m.evaluation && m.state ? (
              <>
                <Checklist evaluation={m.evaluation} actions={actions} />
                {prompted && promptedTitle && (
                  // The outcome prompt comes with the lazy bundle: it shows mid-ticket, after an offer and a reply.
                  <LazyView render={(parts) => <parts.OutcomePrompt title={promptedTitle} suggested={m.suggested} onAnswer={(o) => record(prompted, o)} />} />
                )}
                <Moves evaluation={m.evaluation} status={m.movesStatus} moves={m.state.moves} actions={actions} choice={choice} />
                <Wrapup answers={m.state.wrapup} ended={m.state.ended} actions={actions} open={m.state.resolvedAt !== null} />
              </>
            ) : (
              <section class="block">
                <p class="muted">{!m.ticketId ? t('panel_no_ticket', m.adapterLabel) : m.movesStatus === 'unavailable' ? t('panel_moves_unavailable') : t('panel_loading')}</p>
              </section>
            )}
          </div>
        )}
      </section>
    );
  }
}
