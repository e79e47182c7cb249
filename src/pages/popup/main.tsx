/** Toolbar popup: is this tab recognised, show/hide the panel, open the dashboard and options. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ensureMessages, t } from '../../shared/i18n';
import { RepId } from './RepId';
import { TeamStatus } from './TeamStatus';

type TabState = 'recognised' | 'unreadable' | 'not-a-helpdesk';

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function togglePanel() {
  const id = await activeTabId();
  if (id !== undefined) await browser.tabs.sendMessage(id, { rp: 1, command: 'toggle-panel' }).catch(() => {});
  window.close();
}

function Popup() {
  const [state, setState] = useState<TabState | null>(null);
  useEffect(() => {
    // The worker sets this tab's badge when its content script recognises (✓) or cannot read (!) the page.
    void activeTabId()
      .then(async (tabId) => (tabId === undefined ? '' : await browser.action.getBadgeText({ tabId })))
      .catch(() => '')
      .then((badge) => setState(badge === '✓' ? 'recognised' : badge === '!' ? 'unreadable' : 'not-a-helpdesk'));
  }, []);
  return (
    <main class="popup">
      <h1>Resolve Plus</h1>
      {state && (
        <p class={state === 'recognised' ? 'ok' : 'muted'} role="status">
          {t(`popup_state_${state.replace(/-/g, '_')}`)}
        </p>
      )}
      <RepId />
      <TeamStatus />
      <div class="stack">
        <button type="button" class="primary" onClick={togglePanel} disabled={state === 'not-a-helpdesk'}>
          {t('popup_toggle_panel')}
        </button>
        <a class="button" href={browser.runtime.getURL('src/pages/dashboard/index.html')} target="_blank" rel="noreferrer">
          {t('popup_dashboard')}
        </a>
        <a class="button" href={browser.runtime.getURL('src/pages/options/index.html')} target="_blank" rel="noreferrer">
          {t('popup_options')}
        </a>
      </div>
    </main>
  );
}

// Before the first render: the browser may have lost the message bundle (see ensureMessages).
void ensureMessages().then(() => render(<Popup />, document.getElementById('app')!));
