/**
 * Mounts the panel in a shadow root on its own host element, so page CSS cannot reach in and ours cannot
 * leak out; unmounts completely on abort (no detached nodes left behind).
 * The root is open so accessibility tools and our tests can reach it; actions ignore untrusted events.
 */
import { h, render } from 'preact';
import type { Theme } from '../core/settings/settings';
import type { Controller } from './controller';
import { App, type PanelPrefs } from './panel/App';
import { PANEL_CSS } from './panel/styles';
import type { Store } from './store';

export const HOST_TAG = 'resolve-plus-panel';

export function mountPanel(
  controller: Controller,
  prefs: Store<PanelPrefs>,
  theme: Theme,
  composerTop: () => number | null,
  signal: AbortSignal,
): ShadowRoot {
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = PANEL_CSS;
  const root = document.createElement('div');
  shadow.append(style, root);
  // Outside <body>: SPA frameworks that re-render body children leave it alone.
  document.documentElement.append(host);
  render(h(App, { controller, prefs, theme, composerTop }), root);
  signal.addEventListener('abort', () => {
    render(null, root);
    host.remove();
  });
  return shadow;
}
