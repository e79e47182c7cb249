/** The rep's panel: header (drag, collapse), read problems, checklist, VE moves, wrap-up. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Theme } from '../../core/settings/settings';
import { t } from '../../shared/i18n';
import type { Controller } from '../controller';
import { type Store, useStore } from '../store';
import { Checklist } from './Checklist';
import { Moves } from './Moves';
import { type CoverReport, mayAct, trusted } from './trusted';
import { Wrapup } from './Wrapup';

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

export function App({ controller, prefs, theme, composerTop, covers, dismissCover }: AppProps) {
  const m = useStore(controller.model);
  const p = useStore(prefs);
  const cover = useStore(covers);
  const { actions } = controller;
  const drag = useRef<{ dx: number; dy: number } | null>(null);
  const panel = useRef<HTMLElement>(null);

  const [bottom, setBottom] = useState<number | null>(null);
  // Keep the panel on screen when the window shrinks, and above the reply box.
  useEffect(() => {
    const onResize = () => {
      setBottom(composerTop());
      prefs.set((x) => ({ ...x }));
    };
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [prefs, composerTop, m.ticketId]);

  if (p.hidden) return null;
  const width = 330;
  const left = p.x === null ? Math.max(8, window.innerWidth - width - 16) : Math.min(Math.max(0, p.x), window.innerWidth - 60);
  const top = p.y === null ? 64 : Math.min(Math.max(0, p.y), window.innerHeight - 40);
  // In its default place the panel ends above the reply box; a panel the rep moved keeps its place.
  const maxHeight = p.y === null && bottom !== null && bottom - top > 220 ? `${bottom - top - 8}px` : undefined;
  const missing = m.read?.diagnostics.filter((d) => !d.ok && d.field !== 'composer').map((d) => d.field) ?? [];

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
    <section ref={panel} class="panel" data-theme={theme} style={{ left: `${left}px`, top: `${top}px`, maxHeight }} aria-label={t('panel_label')}>
      <header onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp}>
        <h2>Resolve Plus</h2>
        <span class="ticket" title={m.ticketId ?? ''}>
          {m.ticketId ? `#${m.ticketId}` : m.adapterLabel}
        </span>
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
          {m.storageProblem && <div class="warn" role="alert">{t('warn_storage', m.storageProblem)}</div>}
          {/* Only when it mattered: a page tooltip passing over the panel is not worth a warning. */}
          {cover.coveredAt !== null && cover.ignored > 0 && (
            // Sticky under the header: the rep sees it even with the panel scrolled down to the move.
            <div class="warn" role="status" data-covered style={{ position: 'sticky', top: '45px', zIndex: 1 }}>
              <span>{t('warn_covered', new Date(cover.coveredAt).toLocaleTimeString(), cover.ignored)}</span>
              <span class="spacer" />
              <button type="button" class="icon" aria-label={t('action_dismiss')} onClick={trusted(() => dismissCover())}>
                ✕
              </button>
            </div>
          )}
          {m.read && !m.read.context && (
            <div class="warn" role="status">
              {t('warn_unreadable', m.adapterLabel, missing.join(', '))}
            </div>
          )}
          {m.read?.context && missing.length > 0 && (
            <p class="muted" role="status">
              {t('warn_partial', missing.join(', '))}
            </p>
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
          {m.evaluation && m.state ? (
            <>
              <Checklist evaluation={m.evaluation} actions={actions} />
              <Moves evaluation={m.evaluation} moves={m.state.moves} actions={actions} />
              <Wrapup answers={m.state.wrapup} ended={m.state.ended} actions={actions} />
            </>
          ) : (
            <section class="block">
              <p class="muted">{m.ticketId ? t('panel_loading') : t('panel_no_ticket', m.adapterLabel)}</p>
            </section>
          )}
        </div>
      )}
    </section>
  );
}
