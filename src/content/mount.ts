/**
 * Mounts the panel in a *closed* shadow root on a plain `<div>`: page scripts get `null` from
 * `host.shadowRoot`, and there is no custom element a page could define first to reach the root through
 * `attachInternals()` or to run its own constructor. The content script runs in an isolated world, so a
 * page's patches to `attachShadow` or other prototypes never see our calls. Page CSS cannot restyle the
 * host (`:host { all: initial !important }` inside, the same inline and important outside, re-applied if
 * a script edits the attribute). Unmounts completely on abort (no detached nodes left behind).
 */
import { h, render } from 'preact';
import type { Theme } from '../core/settings/settings';
import type { Controller } from './controller';
import { onLazyChange } from './lazy/load';
import { App, type PanelPrefs } from './panel/App';
import { PANEL_CSS } from './panel/styles';
import { guardPanel, type InputGuard } from './panel/trusted';
import type { Store } from './store';

/**
 * The host is a viewport-sized, size- and layout-contained box that lets pointers through (the panel takes
 * them back): a change inside the panel relays out from the host, not from the page's root, so a tick's
 * frame does not walk the page (figure 4). `position: fixed` + containment also make the host the panel's
 * containing block at the viewport's origin, where the panel's own `position: fixed` already placed it.
 */
const HOST_STYLE =
  'all: initial !important; display: block !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; pointer-events: none !important; contain: strict !important;';

export interface MountedPanel {
  readonly root: ShadowRoot;
  readonly guard: InputGuard;
}

export function mountPanel(
  controller: Controller,
  prefs: Store<PanelPrefs>,
  theme: Theme,
  composerTop: () => number | null,
  signal: AbortSignal,
): MountedPanel {
  const host = document.createElement('div');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  // The same declarations inside as on the host: inner !important beats a page's outer !important.
  style.textContent = `:host{${HOST_STYLE}}${PANEL_CSS}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Outside <body>: SPA frameworks that re-render body children leave it alone.
  document.documentElement.append(host);
  const guard = guardPanel(shadow, container, signal);
  // The lazy views' rules join the panel's stylesheet when they arrive, before those views render.
  const offLazy = onLazyChange((s) => {
    if (s.parts && !style.textContent?.endsWith(s.parts.css)) style.textContent += s.parts.css;
  });
  render(h(App, { controller, prefs, theme, composerTop, covers: guard.covers, dismissCover: guard.dismissCover }), container);
  const restyle = new MutationObserver(() => {
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
  });
  restyle.observe(host, { attributes: true, attributeFilter: ['style'] });
  signal.addEventListener('abort', () => {
    restyle.disconnect();
    offLazy();
    render(null, container);
    host.remove();
  });
  return { root: shadow, guard };
}
