/** Where the panel appears, how to hide and show it, and the keys inside it. */
import { t } from '../../shared/i18n';

export function Panel() {
  return (
    <section class="card" aria-labelledby="welcome-panel">
      <h2 id="welcome-panel">{t('welcome_panel_title')}</h2>
      <p>{t('welcome_panel_auto')}</p>
      <p>{t('welcome_panel_toggle', t('popup_toggle_panel'))}</p>
      <p>{t('welcome_keys_panel', t('outcome_offered'), t('outcome_accepted'), t('outcome_declined'), t('outcome_not_a_fit'))}</p>
    </section>
  );
}
