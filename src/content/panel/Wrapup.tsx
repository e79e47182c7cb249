/**
 * Wrap-up: collapsed while the ticket is being resolved; in the flow (open, with "Ask in chat") once
 * resolution is confirmed, so interactions end with Finish instead of as abandoned. With focus in it,
 * digit keys answer the next unanswered question (App.tsx).
 *
 * This frame is in every tab's bundle; the questions themselves (WrapupBody.tsx) come with the lazy
 * bundle, asked for when they are first shown: opened by the rep, or in the flow after resolution.
 */
import { Component } from 'preact';
import { t } from '../../shared/i18n';
import { LazyView } from '../lazy/LazyView';
import type { WrapupProps } from './WrapupBody';

export class Wrapup extends Component<WrapupProps, { expanded: boolean }> {
  override state = { expanded: false };

  override render() {
    const { open } = this.props;
    const body = <LazyView render={(parts) => <parts.WrapupBody {...this.props} />} />;
    if (open) {
      return (
        <section class="block" aria-labelledby="rp-wrapup" data-wrapup tabIndex={-1} onFocus={(e) => (e.currentTarget as HTMLElement).scrollIntoView({ block: 'start' })}>
          <h3 id="rp-wrapup">{t('panel_wrapup_now')}</h3>
          {body}
        </section>
      );
    }
    return (
      <section class="block" aria-labelledby="rp-wrapup" data-wrapup>
        <details onToggle={(e) => this.setState({ expanded: (e.currentTarget as HTMLDetailsElement).open })}>
          <summary id="rp-wrapup">{t('panel_wrapup')}</summary>
          {this.state.expanded && body}
        </details>
      </section>
    );
  }
}
