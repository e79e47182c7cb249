/**
 * Import of a team bundle (src/core/settings/bundle.ts): one file for teams without policy tools. The
 * file is checked here first so every problem is shown by path before anything is sent; the worker
 * checks it again before it stores anything.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type BundleError, parseTeamBundleText } from '../../core/settings/bundle';
import type { BundleSummary } from '../../messaging/protocol';
import { formatDateTime, t } from '../../shared/i18n';
import { KEYS } from '../../shared/storage-keys';
import { parseCustomSite } from '../../sites/adapters/custom';
import { importTeamBundle, loadConfig } from './storage';

export function TeamBundle() {
  const [current, setCurrent] = useState<BundleSummary | null>(null);
  const [errors, setErrors] = useState<readonly BundleError[]>([]);
  const [status, setStatus] = useState('');
  useEffect(() => {
    const reload = () => void loadConfig().then((c) => setCurrent(c.bundle));
    reload();
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && KEYS.configChanged in changes) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setStatus('');
    const parsed = parseTeamBundleText(await file.text(), (site) => parseCustomSite(site));
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    try {
      const summary = await importTeamBundle(JSON.parse(await file.text()));
      setErrors([]);
      setCurrent(summary);
      setStatus(t('options_bundle_imported'));
    } catch (e) {
      setErrors([{ path: '$', message: e instanceof Error ? e.message : String(e) }]);
    }
  };

  return (
    <section class="card" aria-labelledby="bundle-title">
      <h2 id="bundle-title">{t('options_bundle_title')}</h2>
      <p class="hint">{t('options_bundle_hint')}</p>
      <p data-testid="bundle-current">
        {current
          ? t('options_bundle_current', current.name ?? t('options_bundle_unnamed'), formatDateTime(current.importedAt), current.playbooks, current.customSites)
          : t('options_bundle_none')}
      </p>
      <div class="field">
        <label for="bundle-file">{t('options_bundle_file')}</label>
        <input id="bundle-file" type="file" accept="application/json,.json" onChange={(e) => void onFile(e.currentTarget)} />
      </div>
      {errors.length > 0 && (
        <div role="alert" class="warn">
          <p>{t('options_bundle_rejected')}</p>
          <ul>
            {errors.map((e) => (
              <li key={`${e.path}:${e.message}`}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
