/** Options (foundation: who the rep is). */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '../../core/settings/settings';
import { t } from '../../shared/i18n';
import { KEYS } from '../../shared/storage-keys';

function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void browser.storage.local.get(KEYS.settings).then((r) => setSettings(migrateSettings(r[KEYS.settings])));
  }, []);
  const save = async () => {
    await browser.storage.local.set({ [KEYS.settings]: settings });
    setSaved(true);
  };
  return (
    <main>
      <h1>{t('options_title')}</h1>
      <section class="card">
        <h2>{t('options_you')}</h2>
        <div class="row">
          <label>
            {t('options_rep_id')}
            <input value={settings.repId} onInput={(e) => setSettings({ ...settings, repId: e.currentTarget.value })} />
          </label>
          <label>
            {t('options_rep_name')}
            <input value={settings.repName} onInput={(e) => setSettings({ ...settings, repName: e.currentTarget.value })} />
          </label>
          <button type="button" class="primary" onClick={save}>
            {t('action_save')}
          </button>
          {saved && <span role="status">{t('options_saved')}</span>}
        </div>
      </section>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
