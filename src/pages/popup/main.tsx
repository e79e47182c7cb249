/** Toolbar popup: is this tab recognised, show/hide the panel, open the dashboard and options. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { t } from '../../shared/i18n';

async function togglePanel() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { rp: 1, command: 'toggle-panel' }).catch(() => {});
  window.close();
}

function Popup() {
  return (
    <main style={{ width: '260px', padding: '12px' }}>
      <h1 style={{ fontSize: '16px' }}>Resolve Plus</h1>
      <div class="row" style={{ flexDirection: 'column', alignItems: 'stretch' }}>
        <button type="button" class="primary" onClick={togglePanel}>
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

render(<Popup />, document.getElementById('app')!);
