/**
 * Shown once on install, for reps: the two steps to get going, how to install it, which helpdesks work,
 * how to open the panel, the keys (live from the browser, so changed shortcuts show), where the dashboard is.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { ensureMessages, t } from '../../shared/i18n';
import { Shortcuts } from '../options/Shortcuts';
import { Helpdesks } from './Helpdesks';
import { Install } from './Install';
import { Panel } from './Panel';

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
      </section>
      <Helpdesks />
      <Panel />
      <Shortcuts />
      <section class="card" aria-labelledby="welcome-dashboard">
        <h2 id="welcome-dashboard">{t('welcome_dashboard_title')}</h2>
        <p>{t('welcome_dashboard_text')}</p>
        <a class="button" href={browser.runtime.getURL('src/pages/dashboard/index.html')}>
          {t('popup_dashboard')}
        </a>
      </section>
      <Install />
    </main>
  );
}

// Before the first render: the browser may have lost the message bundle (see ensureMessages).
void ensureMessages().then(() => render(<Welcome />, document.getElementById('app')!));
