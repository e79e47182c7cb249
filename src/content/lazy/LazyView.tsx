/**
 * Where a lazily loaded view goes (the wrap-up's questions, the key list): nothing until the lazy bundle
 * is here (it is asked for when this mounts), then the view; if it cannot come, a clear line saying so.
 * A class component: the main bundle carries no hooks.
 */
import { Component, type ComponentChildren } from 'preact';
import { t } from '../../shared/i18n';
import type { LazyParts } from './lent';
import { lazyState, onLazyChange, requestLazy } from './load';

export class LazyView extends Component<{ render: (parts: LazyParts) => ComponentChildren }> {
  private off: (() => void) | undefined;

  override componentDidMount() {
    this.off = onLazyChange(() => this.forceUpdate());
    requestLazy();
  }

  override componentWillUnmount() {
    this.off?.();
  }

  override render() {
    const s = lazyState();
    if (s.parts) return this.props.render(s.parts);
    return s.failed ? (
      <p class="warn" role="status" data-lazy-unavailable>
        {t('panel_view_unavailable')}
      </p>
    ) : null;
  }
}
