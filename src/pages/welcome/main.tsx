/** Shown once on install: the two steps to get going, and where the demo is. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { ensureMessages, t } from '../../shared/i18n';

function Welcome() {
  return (
    <main>
      <h1>{t('welcome_title')}</h1>
      <section class="card">
        <p>{t('welcome_intro')}</p>
        <ol>
          <li>
            {t('welcome_step_name')}{' '}
            <a href={browser.runtime.getURL('src/pages/options/index.html')}>{t('popup_options')}</a>
          </li>
          <li>{t('welcome_step_helpdesk')}</li>
        </ol>
        <p class="muted">{t('welcome_demo')}</p>
      </section>
    </main>
  );
}

// Before the first render: the browser may have lost the message bundle (see ensureMessages).
void ensureMessages().then(() => render(<Welcome />, document.getElementById('app')!));
