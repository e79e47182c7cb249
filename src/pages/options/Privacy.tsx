/**
 * Privacy: how long the log is kept, and the salt that turns customer emails into keys. Sharing one
 * salt across a team makes exports merge by customer; changing it changes every future customer key.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ManagedPolicy } from '../../background/policy';
import type { Settings } from '../../core/settings/settings';
import { t } from '../../shared/i18n';
import { downloadText } from '../download';
import { NumberInput } from './NumberInput';
import { normalizeSalt, SALT_FILE_NAME } from './salt';
import { loadSalt, updateSettings, writeSalt } from './storage';

export interface PrivacyProps {
  readonly settings: Settings;
  readonly policy: ManagedPolicy;
}

export function Privacy({ settings, policy }: PrivacyProps) {
  const managedRetention = typeof policy.retentionDays === 'number' && policy.retentionDays >= 1 ? policy.retentionDays : null;
  const managedSalt = typeof policy.hashSalt === 'string' && normalizeSalt(policy.hashSalt) !== null;
  const [days, setDays] = useState<number | undefined>(settings.retentionDays);
  const [daysStatus, setDaysStatus] = useState({ text: '', error: false });
  const [salt, setSalt] = useState<string | null>(null);
  const [showSalt, setShowSalt] = useState(false);
  const [newSalt, setNewSalt] = useState('');
  const [saltError, setSaltError] = useState('');
  const [saltStatus, setSaltStatus] = useState('');

  useEffect(() => setDays(settings.retentionDays), [settings.retentionDays]);
  useEffect(() => {
    void loadSalt().then(setSalt);
  }, []);

  const daysValid = days !== undefined && Number.isInteger(days) && days >= 1 && days <= 3650;
  const saveDays = async (e: Event) => {
    e.preventDefault();
    if (!daysValid) {
      setDaysStatus({ text: t('options_retention_invalid'), error: true });
      return;
    }
    await updateSettings(() => ({ retentionDays: days }));
    setDaysStatus({ text: t('options_saved'), error: false });
  };
  const importSalt = async (e: Event) => {
    e.preventDefault();
    const s = normalizeSalt(newSalt);
    if (s === null) {
      setSaltError(t('options_salt_invalid'));
      return;
    }
    await writeSalt(s);
    setSalt(s);
    setNewSalt('');
    setSaltError('');
    setSaltStatus(t('options_salt_set'));
  };

  return (
    <section class="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('options_privacy')}</h2>
      <form class="sub-form" onSubmit={saveDays}>
        <h3>{t('options_retention')}</h3>
        {managedRetention !== null ? (
          <p>{t('options_retention_managed', managedRetention)}</p>
        ) : (
          <div class="row">
            <div class="field">
              <label for="retention-days">{t('options_retention_days')}</label>
              <NumberInput
                id="retention-days"
                min={1}
                max={3650}
                optional
                value={days}
                aria-invalid={daysValid ? undefined : 'true'}
                aria-describedby="retention-hint"
                onChange={(v) => {
                  setDays(v);
                  setDaysStatus({ text: '', error: false });
                }}
              />
            </div>
            <button type="submit">{t('action_save')}</button>
            <span role="status" class={daysStatus.error ? 'status error' : 'status'}>
              {daysStatus.text}
            </span>
          </div>
        )}
        <p class="hint" id="retention-hint">
          {t('options_retention_hint')}
        </p>
      </form>
      <div class="sub-form">
        <h3>{t('options_salt')}</h3>
        <p class="hint">{t('options_salt_hint')}</p>
        {managedSalt ? (
          <p>{t('options_salt_managed')}</p>
        ) : salt === null ? (
          <p class="muted">{t('options_salt_none')}</p>
        ) : (
          <div class="row">
            <button type="button" aria-expanded={showSalt} aria-controls="salt-value" onClick={() => setShowSalt((v) => !v)}>
              {showSalt ? t('options_salt_hide') : t('options_salt_show')}
            </button>
            <button type="button" onClick={() => downloadText(SALT_FILE_NAME, `${salt}\n`, 'text/plain')}>
              {t('options_salt_download')}
            </button>
            <span id="salt-value" class="salt-value" hidden={!showSalt}>
              {showSalt && (
                <>
                  <label class="sr-only" for="salt-shown">
                    {t('options_salt')}
                  </label>
                  <input id="salt-shown" class="mono salt" type="text" readOnly value={salt} />
                </>
              )}
            </span>
          </div>
        )}
        {!managedSalt && (
          <form onSubmit={importSalt}>
            <p class="warn" id="salt-warning">
              {t('options_salt_warning')}
            </p>
            <div class="row">
              <div class="field">
                <label for="salt-import">{t('options_salt_import')}</label>
                <input
                  id="salt-import"
                  type="text"
                  class="mono salt"
                  autocomplete="off"
                  spellcheck={false}
                  value={newSalt}
                  aria-invalid={saltError ? 'true' : undefined}
                  aria-describedby={saltError ? 'salt-warning salt-error' : 'salt-warning'}
                  onInput={(e) => {
                    setNewSalt(e.currentTarget.value);
                    setSaltError('');
                    setSaltStatus('');
                  }}
                />
              </div>
              <button type="submit">{t('options_salt_use')}</button>
              <span role="status" class="status">
                {saltStatus}
              </span>
            </div>
            {saltError && (
              <p class="error" id="salt-error">
                {saltError}
              </p>
            )}
          </form>
        )}
      </div>
    </section>
  );
}
