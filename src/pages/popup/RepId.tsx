/**
 * Who the rep is, in the popup: asks once when nobody set a rep id (so outcomes are never silently
 * counted as "unknown"), shows it otherwise; read-only when the administrator's policy sets it.
 */
import { useEffect, useState } from 'preact/hooks';
import { REP_ID_PATTERN } from '../../core/settings/policy';
import type { PanelConfig } from '../../core/settings/effective';
import { send } from '../../messaging/client';
import { t } from '../../shared/i18n';

export function RepId() {
  const [config, setConfig] = useState<PanelConfig | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    void send('config/panel', {}).then(setConfig).catch(() => setConfig(null));
  }, []);
  if (!config) return null;
  if (config.repIdSource === 'policy') return <p class="muted" data-testid="rep-id">{t('popup_rep_id_managed', config.repId)}</p>;
  if (config.repIdSource === 'team') return <p class="muted" data-testid="rep-id">{t('popup_rep_id_team', config.repId)}</p>;
  if (config.repIdSource === 'settings') return <p class="muted" data-testid="rep-id">{t('popup_rep_id_saved', config.repId)}</p>;
  const save = async (e: Event) => {
    e.preventDefault();
    const id = value.trim();
    if (!REP_ID_PATTERN.test(id)) {
      setError(t('popup_rep_id_invalid'));
      return;
    }
    try {
      await send('settings/update', { repId: id });
      setConfig(await send('config/panel', {}));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form class="stack rep-id-form" onSubmit={save}>
      <p>{t('popup_rep_id_prompt')}</p>
      <label for="popup-rep-id">{t('popup_rep_id_label')}</label>
      <input
        id="popup-rep-id"
        type="text"
        maxLength={100}
        autocomplete="off"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'popup-rep-id-error' : undefined}
        onInput={(e) => {
          setValue(e.currentTarget.value);
          setError('');
        }}
      />
      {error && (
        <p id="popup-rep-id-error" class="status error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{t('popup_rep_id_save')}</button>
    </form>
  );
}
