/** Who the rep is, which built-in helpdesks the extension runs on, and the theme. */
import { useEffect, useState } from 'preact/hooks';
import { type Settings, THEMES, type Theme } from '../../core/settings/settings';
import type { HelpdeskId } from '../../core/ticket/types';
import { t } from '../../shared/i18n';
import { SITES } from '../../sites/sites';
import { themeLabel } from './labels';
import { updateSettings } from './storage';

type Form = Pick<Settings, 'repId' | 'repName' | 'theme' | 'disabledSites'>;
const pick = (s: Settings): Form => ({ repId: s.repId, repName: s.repName, theme: s.theme, disabledSites: s.disabledSites });

/** `managedRepId`: the rep id the administrator's policy sets (then the field is read-only), else null. */
export function SettingsForm({ settings, managedRepId = null }: { readonly settings: Settings; readonly managedRepId?: string | null }) {
  const [form, setForm] = useState<Form>(pick(settings));
  const [edited, setEdited] = useState(false);
  const [status, setStatus] = useState({ text: '', error: false });
  useEffect(() => {
    if (!edited) setForm(pick(settings));
  }, [settings, edited]);
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setEdited(true);
    setStatus({ text: '', error: false });
  };
  const toggleSite = (id: HelpdeskId, on: boolean) =>
    set({ disabledSites: on ? form.disabledSites.filter((d) => d !== id) : [...form.disabledSites, id] });
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      // A policy rep id is not the rep's to change: leave the stored one as it is.
      await updateSettings(() => (managedRepId ? { ...form, repId: settings.repId } : { ...form, repId: form.repId.trim() }));
      setEdited(false);
      setStatus({ text: t('options_saved'), error: false });
    } catch (err) {
      setStatus({ text: t('options_save_failed', err instanceof Error ? err.message : String(err)), error: true });
    }
  };
  return (
    <form class="card" aria-labelledby="you-title" onSubmit={save}>
      <h2 id="you-title">{t('options_you')}</h2>
      <div class="field-row">
        <div class="field">
          <label for="rep-id">{t('options_rep_id')}</label>
          {managedRepId ? (
            <>
              <input id="rep-id" type="text" value={managedRepId} disabled aria-describedby="rep-id-hint" />
              <p class="hint" id="rep-id-hint">
                {t('options_rep_id_managed', managedRepId)}
              </p>
            </>
          ) : (
            <>
              <input
                id="rep-id"
                type="text"
                maxLength={100}
                autocomplete="off"
                aria-describedby="rep-id-hint"
                value={form.repId}
                onInput={(e) => set({ repId: e.currentTarget.value })}
              />
              <p class="hint" id="rep-id-hint">
                {t('options_rep_id_hint')}
              </p>
            </>
          )}
        </div>
        <div class="field">
          <label for="rep-name">{t('options_rep_name')}</label>
          <input id="rep-name" type="text" maxLength={100} autocomplete="name" value={form.repName} onInput={(e) => set({ repName: e.currentTarget.value })} />
          <p class="hint">{t('options_rep_name_hint')}</p>
        </div>
      </div>
      <fieldset class="choices">
        <legend>{t('options_theme')}</legend>
        <div class="choice-row">
          {THEMES.map((th: Theme) => (
            <label class="check" key={th}>
              <input type="radio" name="theme" value={th} checked={form.theme === th} onChange={() => set({ theme: th })} />
              {themeLabel(th)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="choices">
        <legend>{t('options_sites')}</legend>
        <p class="hint">{t('options_sites_hint')}</p>
        <div class="choice-grid">
          {SITES.map((a) => (
            <label class="check" key={a.id}>
              <input type="checkbox" checked={!form.disabledSites.includes(a.id)} onChange={(e) => toggleSite(a.id, e.currentTarget.checked)} />
              {a.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="row">
        <button type="submit" class="primary">
          {t('action_save')}
        </button>
        <span role="status" class={status.error ? 'status error' : 'status'}>
          {status.text}
        </span>
      </div>
    </form>
  );
}
