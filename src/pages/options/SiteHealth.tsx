/** What the extension could read on each helpdesk the last time a ticket was open: "Zendesk: id ✓ subject ✓ status ✗". */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { formatDateTime, t } from '../../shared/i18n';
import { KEYS } from '../../shared/storage-keys';
import { SITES } from '../../sites/sites';
import { type HealthEntry, readHealth } from './health';
import { HealthSource } from './HealthSource';
import { healthFieldLabel, helpdeskLabel } from './labels';
import { loadAll } from './storage';

const ORDER = SITES.map((a) => a.id);

export function SiteHealth() {
  const [entries, setEntries] = useState<HealthEntry[] | null>(null);
  useEffect(() => {
    const load = () =>
      loadAll()
        .then((all) => setEntries(readHealth(all, KEYS.healthPrefix, ORDER)))
        .catch(() => setEntries([]));
    void load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(KEYS.healthPrefix))) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return (
    <section class="card" aria-labelledby="health-title">
      <h2 id="health-title">{t('options_health_title')}</h2>
      <p class="hint">{t('options_health_hint')}</p>
      {entries !== null && entries.length === 0 && <p class="muted">{t('options_health_none')}</p>}
      {entries !== null && entries.length > 0 && (
        <ul class="health">
          {entries.map((e) => (
            <li key={e.helpdesk} data-helpdesk={e.helpdesk}>
              <strong>{helpdeskLabel(e.helpdesk)}:</strong>{' '}
              {e.fields.map((f) => (
                <span key={f.field} class={f.ok ? 'h-ok' : 'h-bad'} data-field={f.field} data-via={f.via} title={f.source}>
                  {healthFieldLabel(f.field)} <span aria-hidden="true">{f.ok ? '✓' : '✗'}</span>{' '}
                  <span class="sr-only">{f.ok ? t('options_health_read') : t('options_health_missing')}</span>
                  {f.via && <HealthSource via={f.via} source={f.source} />}{' '}
                </span>
              ))}
              {e.at !== null && <span class="muted">· {formatDateTime(e.at)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
