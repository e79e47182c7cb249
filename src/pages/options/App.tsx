/**
 * The options page: "Settings" (who the rep is, sites, privacy, shortcuts) and "Playbook" (the editor),
 * switched by the URL hash so each view can be linked to (#settings, #playbook).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ManagedPolicy } from '../../background/policy';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings/settings';
import { t, uiLocale } from '../../shared/i18n';
import { KEYS } from '../../shared/storage-keys';
import { readPolicy } from '../../core/settings/policy';
import { AdminSites } from './AdminSites';
import { CustomSites } from './CustomSites';
import { TeamBundle } from './TeamBundle';
import { PlaybookEditor } from './PlaybookEditor';
import { Privacy } from './Privacy';
import { TeamFile } from './TeamFile';
import { SettingsForm } from './SettingsForm';
import { Shortcuts } from './Shortcuts';
import { SelectorOverrides } from './SelectorOverrides';
import { SiteHealth } from './SiteHealth';
import { LogHealth } from './LogHealth';
import { loadPolicy, loadSettings } from './storage';

type View = 'settings' | 'playbook';
const viewOf = (hash: string): View => (hash === '#playbook' ? 'playbook' : 'settings');

function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function App() {
  const [view, setView] = useState<View>(viewOf(location.hash));
  const [settings, setSettings] = useState<Settings | null>(null);
  const [policy, setPolicy] = useState<ManagedPolicy>({});

  useEffect(() => {
    document.documentElement.lang = uiLocale();
    document.title = t('options_title');
    const onHash = () => setView(viewOf(location.hash));
    window.addEventListener('hashchange', onHash);
    void loadSettings().then(setSettings);
    void loadPolicy().then(setPolicy);
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      // The worker changes this counter after every config write (its value carries nothing secret).
      if ((area === 'local' && KEYS.configChanged in changes) || area === 'managed') {
        void loadSettings().then(setSettings);
        void loadPolicy().then(setPolicy);
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      window.removeEventListener('hashchange', onHash);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  useEffect(() => applyTheme(settings?.theme ?? DEFAULT_SETTINGS.theme), [settings?.theme]);
  const first = useRef(true);
  useEffect(() => {
    // After switching views (not on load), start reading at the new view's heading.
    if (first.current) first.current = false;
    else document.getElementById('view-title')?.focus();
  }, [view]);

  return (
    <>
      <header class="page-head">
        <p class="brand">{t('options_title')}</p>
        <nav aria-label={t('options_nav')}>
          <a href="#settings" aria-current={view === 'settings' ? 'page' : undefined}>
            {t('options_nav_settings')}
          </a>
          <a href="#playbook" aria-current={view === 'playbook' ? 'page' : undefined}>
            {t('options_nav_playbook')}
          </a>
        </nav>
      </header>
      <main class={view === 'playbook' ? 'wide' : undefined}>
        <h1 id="view-title" tabIndex={-1}>
          {view === 'playbook' ? t('options_playbook_heading') : t('options_settings_heading')}
        </h1>
        {view === 'playbook' ? (
          <PlaybookEditor />
        ) : settings === null ? (
          <p class="muted">{t('options_loading')}</p>
        ) : (
          <>
            <SettingsForm settings={settings} managedRepId={readPolicy(policy).repId} />
            <CustomSites settings={settings} />
            <AdminSites policy={policy} />
            <TeamBundle />
            <SiteHealth />
            <LogHealth />
            <SelectorOverrides />
            <Privacy settings={settings} policy={policy} />
            <TeamFile />
            <Shortcuts />
          </>
        )}
      </main>
    </>
  );
}
