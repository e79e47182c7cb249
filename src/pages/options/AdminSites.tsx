/**
 * Custom helpdesks the administrator's policy (`customSites`) or an imported team bundle defines. They
 * are not the rep's to edit, but a policy cannot grant a host permission: unless the administrator
 * allowed the host (see README, "For administrators"), the rep grants each host once, here.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../../messaging/client';
import { t } from '../../shared/i18n';
import { KEYS } from '../../shared/storage-keys';
import { originPatternFor, parseCustomSite } from '../../sites/adapters/custom';
import { siteIdOf } from './custom-site-form';
import { loadConfig } from './storage';

interface AdminSite {
  readonly id: string;
  readonly label: string;
  readonly pattern: string;
  readonly origin: string;
  readonly granted: boolean;
}

async function adminSites(): Promise<AdminSite[]> {
  const { settings, effective } = await loadConfig();
  const own = new Set(settings.customSites.map(siteIdOf));
  const out: AdminSite[] = [];
  for (const raw of effective.customSites) {
    const parsed = parseCustomSite(raw);
    if (!parsed.ok || own.has(parsed.config.id)) continue;
    const origin = originPatternFor(parsed.config);
    const granted = await browser.permissions.contains({ origins: [origin] }).catch(() => false);
    out.push({ id: parsed.config.id, label: parsed.config.label, pattern: parsed.config.urlPattern, origin, granted });
  }
  return out;
}

export function AdminSites({ policy }: { readonly policy: unknown }) {
  const [sites, setSites] = useState<readonly AdminSite[]>([]);
  const reload = () => void adminSites().then(setSites).catch(() => setSites([]));
  useEffect(() => {
    reload();
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && KEYS.configChanged in changes) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [policy]);

  if (sites.length === 0) return null;
  const grant = async (site: AdminSite) => {
    // First thing in the click handler: the browser only asks during a user gesture.
    await browser.permissions.request({ origins: [site.origin] }).catch(() => false);
    await send('custom-sites/sync', {}).catch(() => null);
    reload();
  };
  return (
    <section class="card" aria-labelledby="admin-sites-title">
      <h2 id="admin-sites-title">{t('options_sites_admin')}</h2>
      <ul class="site-list" data-testid="admin-sites">
        {sites.map((s) => (
          <li key={s.id} data-site={s.id}>
            <span>
              <strong>{s.label}</strong> <code>{s.pattern}</code>{' '}
              {s.granted ? <span class="ok-line">{t('options_sites_admin_granted')}</span> : null}
            </span>
            {!s.granted && (
              <button type="button" onClick={() => void grant(s)}>
                {t('options_sites_admin_grant', s.origin)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
