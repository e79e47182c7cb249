/** The `?` list's body (lazy bundle): every panel key, from the same table the keys run on (core/session/live-chat.ts). */
import { PANEL_KEYS, type PanelCommand } from '../../core/session/live-chat';
import { t } from '../../shared/i18n';

const label = (c: PanelCommand): string => (c.type === 'outcome' ? t(`key_outcome_${c.outcome.replace(/-/g, '_')}`) : t(`key_${c.type.replace(/-/g, '_')}`));

export function KeyList() {
  return (
    <>
      <p class="muted">{t('panel_keys_hint')}</p>
      <dl class="keys">
        {PANEL_KEYS.map(([k, c]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{label(c)}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>a–d</kbd>
          </dt>
          <dd>{t('key_skip_reason')}</dd>
        </div>
        <div>
          <dt>
            <kbd>1–7</kbd>
          </dt>
          <dd>{t('key_wrapup_answer')}</dd>
        </div>
      </dl>
    </>
  );
}
