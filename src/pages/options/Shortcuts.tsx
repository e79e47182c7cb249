/** The extension's keyboard shortcuts and a way to the browser's page for changing them. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../../shared/i18n';

interface Command {
  readonly name: string;
  readonly description: string;
  readonly shortcut: string;
}

async function openShortcutSettings(): Promise<void> {
  // Firefox 137+ has its own opener; Chromium browsers show shortcuts at chrome://extensions/shortcuts.
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export function Shortcuts() {
  const [commands, setCommands] = useState<Command[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((list) => setCommands(list.map((c) => ({ name: c.name ?? '', description: c.description ?? c.name ?? '', shortcut: c.shortcut ?? '' }))))
      .catch(() => setCommands([]));
  }, []);
  return (
    <section class="card" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('options_shortcuts')}</h2>
      {commands.length > 0 && (
        <table class="shortcuts">
          <thead>
            <tr>
              <th scope="col">{t('options_shortcut_action')}</th>
              <th scope="col">{t('options_shortcut_keys')}</th>
            </tr>
          </thead>
          <tbody>
            {commands
              .filter((c) => c.name !== '_execute_action')
              .map((c) => (
                <tr key={c.name}>
                  <td>{c.description}</td>
                  <td>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">{t('options_shortcut_none')}</span>}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <div class="row">
        <button type="button" onClick={() => openShortcutSettings().catch((e: unknown) => setError(String(e)))}>
          {t('options_shortcuts_change')}
        </button>
        {error && <span class="error">{error}</span>}
      </div>
    </section>
  );
}
