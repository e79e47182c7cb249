/**
 * Panel actions run only for input the rep really gave, on a panel the rep could really see:
 * - the event is trusted (a page script's synthetic click has `isTrusted === false`);
 * - a keyboard activation (Enter/Space on a button, the 1–4 outcome keys) acts only on focus that arrived
 *   by the rep's own pointer or Tab key, or that the extension gave for a keyboard command: a page that
 *   moved focus onto Insert cannot make the rep's next real keystroke press it. A press causes focus only on
 *   the element pressed, and a press or Tab causes one focus change: a script focusing Insert a moment
 *   after the rep ticked a checkbox does not inherit that click;
 * - nothing acts while the page covers the panel (IntersectionObserver v2 `isVisible`: an element laid
 *   over it, even with `pointer-events: none`, or an opacity/filter/transform on its ancestors), nor in
 *   the first half second after it was covered; the panel then says that it was covered.
 * Browsers without `trackVisibility` (Firefox) report no `isVisible`: there the cover check is skipped.
 */
import { createStore, type Store } from '../store';

export interface CoverReport {
  /** When the page last covered the panel (ms epoch), or null. */
  readonly coveredAt: number | null;
  /** Activations ignored because the panel was covered. */
  readonly ignored: number;
}

/** How long the panel must have been visible again after a cover before it acts. */
const UNCOVERED_DWELL_MS = 500;
/** How close a trusted pointer press or Tab must come before a focus change to count as its cause. */
const FOCUS_CAUSE_MS = 1_000;

export interface InputGuard {
  readonly covers: Store<CoverReport>;
  /** True when `e` may act (see the file comment). */
  allows(e: Event): boolean;
  /** Focus given by the extension itself (a keyboard command): keys may act on it. */
  grantFocus(el: HTMLElement): void;
  dismissCover(): void;
}

/** Before the panel is mounted (and in unit tests): trusted events only, focus given plainly. */
let current: Pick<InputGuard, 'allows' | 'grantFocus'> = { allows: (e) => e.isTrusted, grantFocus: (el) => el.focus() };

export function trusted<E extends Event>(fn: (e: E) => void): (e: E) => void {
  return (e) => {
    if (current.allows(e)) fn(e);
  };
}

/**
 * Moves focus inside the panel in answer to a key the guard allowed (next move, the wrap-up after Ask):
 * keys keep acting on the new focus, as they did on the one it came from.
 */
export function grantFocus(el: HTMLElement): void {
  current.grantFocus(el);
}

/** For handlers that filter keys first (only a key the panel acts on should count as an ignored activation). */
export function mayAct(e: Event): boolean {
  return current.allows(e);
}

const isKeyboardActivation = (e: Event): boolean => e.type.startsWith('key') || (e.type === 'click' && (e as MouseEvent).detail === 0);

/**
 * Guards the panel in `root` (its `section.panel` is watched as it comes and goes) and makes `trusted()`
 * use this guard until `signal` aborts.
 */
export function guardPanel(root: ShadowRoot, container: Element, signal: AbortSignal): InputGuard {
  const covers = createStore<CoverReport>({ coveredAt: null, ignored: 0 });
  let lastPointer = Number.NEGATIVE_INFINITY;
  // What the rep pressed: pointer focus counts only for the element pressed (or the control its label names).
  let pressed: Element | null = null;
  let lastTab = Number.NEGATIVE_INFINITY;
  let granted: Element | null = null;
  let earned: Element | null = null;
  // null until the observer's first report: a panel nobody has seen yet does not act.
  let visible: boolean | null = null;
  let visibleSince = 0;

  const opts = { capture: true, signal };
  root.addEventListener(
    'pointerdown',
    (e) => {
      if (!e.isTrusted) return;
      lastPointer = performance.now();
      pressed = e.composedPath()[0] as Element;
    },
    opts,
  );
  const onTab = (e: Event) => {
    if (e.isTrusted && (e as KeyboardEvent).key === 'Tab') lastTab = performance.now();
  };
  // Tab into the panel starts outside it (window), Tab within it inside the closed root.
  window.addEventListener('keydown', onTab, opts);
  root.addEventListener('keydown', onTab, opts);
  // A press or Tab causes one focus change, not every focus change in the next second: once focus has
  // moved (here or in the page), a later script focus within the window is not the rep's.
  const consume = () => {
    lastPointer = Number.NEGATIVE_INFINITY;
    lastTab = Number.NEGATIVE_INFINITY;
    pressed = null;
  };
  window.addEventListener(
    'focusin',
    (e) => {
      if (e.target !== root.host) consume();
    },
    opts,
  );
  const pressedOn = (el: Element): boolean =>
    pressed !== null && (el.contains(pressed) || (pressed.closest('label') as HTMLLabelElement | null)?.control === el);
  root.addEventListener(
    'focusin',
    (e) => {
      const el = e.composedPath()[0] as Element;
      const now = performance.now();
      const byPointer = now - lastPointer < FOCUS_CAUSE_MS && pressedOn(el);
      earned = el === granted || byPointer || now - lastTab < FOCUS_CAUSE_MS ? el : null;
      granted = null;
      consume();
    },
    opts,
  );

  const io = new IntersectionObserver(
    (entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const v = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible;
      const now = v ?? entry.isIntersecting;
      if (now && visible !== true) visibleSince = performance.now();
      if (!now && visible === true) covers.set((c) => ({ ...c, coveredAt: Date.now() }));
      visible = now;
    },
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  let watched: Element | null = null;
  const watch = () => {
    const section = container.querySelector('section.panel');
    if (section === watched) return;
    if (watched) io.unobserve(watched);
    watched = section;
    visible = null;
    if (section) io.observe(section);
  };
  const mo = new MutationObserver(watch);
  mo.observe(container, { childList: true });
  watch();
  signal.addEventListener('abort', () => {
    io.disconnect();
    mo.disconnect();
    current = { allows: (e) => e.isTrusted, grantFocus: (el) => el.focus() };
  });

  const guard: InputGuard = {
    covers,
    allows(e) {
      if (!e.isTrusted) return false;
      const shown = visible === true && (covers.get().coveredAt === null || performance.now() - visibleSince >= UNCOVERED_DWELL_MS);
      if (!shown) {
        covers.set((c) => ({ coveredAt: c.coveredAt ?? Date.now(), ignored: c.ignored + 1 }));
        return false;
      }
      if (isKeyboardActivation(e)) return earned !== null && root.activeElement === earned;
      return true;
    },
    grantFocus(el) {
      granted = el;
      el.focus();
    },
    dismissCover() {
      covers.set({ coveredAt: null, ignored: 0 });
    },
  };
  current = guard;
  return guard;
}
