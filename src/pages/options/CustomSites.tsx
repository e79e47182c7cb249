/**
 * Admin-defined helpdesks. Saving validates with `parseCustomSite`, asks the browser for access to the
 * site's origin from the click itself (a user gesture is required), stores the config in settings and
 * tells the worker to register the content script for every site whose access is granted.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Settings } from '../../core/settings/settings';
import { send } from '../../messaging/client';
import { t } from '../../shared/i18n';
import { type ConfigError, originPatternFor, parseCustomSite, type SiteChecks } from '../../sites/adapters/custom';
import { configFromForm, EMPTY_SITE_FORM, type CustomSiteForm as Form, formFromConfig, siteIdFor, siteIdOf, upsertSite } from './custom-site-form';
import { CustomSiteForm } from './CustomSiteForm';
import { updateSettings } from './storage';

interface SiteRow {
  readonly id: string;
  readonly raw: unknown;
  readonly label: string;
  readonly pattern: string;
  readonly origin: string | null;
  readonly valid: boolean;
}

/** The Public Suffix List is 42 kB gzipped: loaded when this view opens, not with the options page. */
const loadChecks = async (): Promise<SiteChecks> => ({ isPublicSuffix: (await import('../../sites/public-suffix')).isPublicSuffix });

function rowsOf(list: readonly unknown[], checks: SiteChecks): SiteRow[] {
  return list.map((raw) => {
    const parsed = parseCustomSite(raw, checks);
    const form = formFromConfig(raw);
    return {
      id: siteIdOf(raw),
      raw,
      label: form.label || form.id,
      pattern: form.urlPattern,
      origin: parsed.ok ? originPatternFor(parsed.config) : null,
      valid: parsed.ok,
    };
  });
}

export function CustomSites({ settings }: { readonly settings: Settings }) {
  const [checks, setChecks] = useState<SiteChecks | null>(null);
  useEffect(() => {
    void loadChecks().then(setChecks);
  }, []);
  const rows = rowsOf(settings.customSites, checks ?? {});
  const [form, setForm] = useState<Form>(EMPTY_SITE_FORM);
  const [errors, setErrors] = useState<readonly ConfigError[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatusText] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const setStatus = (text: string, error = false) => setStatusText({ text, error });
  const [granted, setGranted] = useState<Readonly<Record<string, boolean>>>({});

  const origins = rows.map((r) => r.origin ?? '').join('|');
  useEffect(() => {
    let live = true;
    void Promise.all(
      rows.map(async (r) => [r.id, r.origin !== null && (await browser.permissions.contains({ origins: [r.origin] }).catch(() => false))] as const),
    ).then((pairs) => live && setGranted(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [origins]);

  const sync = async () => {
    const r = await send('custom-sites/sync', {});
    return r.registered;
  };

  const submit = async () => {
    if (busy) return;
    const id = siteIdFor(form, rows.map((r) => r.id));
    const parsed = parseCustomSite(configFromForm(form, id), checks ?? (await loadChecks()));
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus(t('options_site_invalid', parsed.errors.length), true);
      return;
    }
    setErrors([]);
    setBusy(true);
    let allowed = false;
    try {
      // First thing in the click handler: the browser only asks during a user gesture.
      allowed = await browser.permissions.request({ origins: [originPatternFor(parsed.config)] });
    } catch {
      allowed = false;
    }
    try {
      await updateSettings((latest) => ({ customSites: upsertSite(latest.customSites, parsed.config) }));
      const registered = await sync();
      setStatus(allowed ? t('options_site_saved', parsed.config.label, registered) : t('options_site_saved_no_access', parsed.config.label), !allowed);
      setForm(EMPTY_SITE_FORM);
    } catch (e) {
      setStatus(t('options_save_failed', e instanceof Error ? e.message : String(e)), true);
    } finally {
      setBusy(false);
    }
  };

  const grant = async (row: SiteRow) => {
    if (!row.origin) return;
    const allowed = await browser.permissions.request({ origins: [row.origin] }).catch(() => false);
    const registered = await sync().catch(() => 0);
    setGranted((g) => ({ ...g, [row.id]: allowed }));
    setStatus(allowed ? t('options_site_saved', row.label, registered) : t('options_site_saved_no_access', row.label), !allowed);
  };

  const remove = async (row: SiteRow) => {
    const next = await updateSettings((latest) => ({ customSites: latest.customSites.filter((s) => siteIdOf(s) !== row.id) }));
    // Give the access back unless another custom site still uses that origin.
    if (row.origin && !rowsOf(next.customSites, checks ?? {}).some((r) => r.origin === row.origin)) {
      await browser.permissions.remove({ origins: [row.origin] }).catch(() => false);
    }
    await sync().catch(() => 0);
    if (form.id === row.id) setForm(EMPTY_SITE_FORM);
    setStatus(t('options_site_removed', row.label));
  };

  return (
    <section class="card" aria-labelledby="custom-sites-title">
      <h2 id="custom-sites-title">{t('options_custom_sites')}</h2>
      <p class="hint">{t('options_custom_sites_hint')}</p>
      {rows.length === 0 ? (
        <p class="muted">{t('options_custom_sites_none')}</p>
      ) : (
        <ul class="site-list">
          {rows.map((r) => (
            <li key={r.id}>
              <span>
                <strong>{r.label}</strong> <code>{r.pattern}</code>{' '}
                <span class={granted[r.id] ? 'ok-line' : 'muted'}>
                  {!r.valid ? t('options_site_status_invalid') : granted[r.id] ? t('options_site_status_granted') : t('options_site_status_waiting')}
                </span>
              </span>
              <span class="row">
                {r.valid && !granted[r.id] && (
                  <button type="button" onClick={() => void grant(r)}>
                    {t('options_site_grant')}
                  </button>
                )}
                <button
                  type="button"
                  aria-label={t('options_site_edit_named', r.label)}
                  onClick={() => {
                    setForm(formFromConfig(r.raw));
                    setErrors([]);
                    requestAnimationFrame(() => document.getElementById('site-label')?.focus());
                  }}
                >
                  {t('options_edit')}
                </button>
                <button type="button" class="danger" aria-label={t('options_delete_named', r.label)} onClick={() => void remove(r)}>
                  {t('options_delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <CustomSiteForm
        form={form}
        errors={errors}
        editing={form.id !== ''}
        busy={busy}
        onChange={(f) => {
          setForm(f);
          setStatus('');
        }}
        onSubmit={() => void submit()}
        onCancel={() => {
          setForm(EMPTY_SITE_FORM);
          setErrors([]);
        }}
      />
      <p role="status" class={status.error ? 'status error' : 'status'}>
        {status.text}
      </p>
    </section>
  );
}
