/** The helpdesks the panel works on, from the same table the content script uses (names only, no adapter code). */
import { t } from '../../shared/i18n';
import { SITES } from '../../sites/sites';

export function Helpdesks() {
  return (
    <section class="card" aria-labelledby="welcome-helpdesks">
      <h2 id="welcome-helpdesks">{t('welcome_helpdesks_title')}</h2>
      <p>{t('welcome_helpdesks_intro')}</p>
      <ul class="helpdesks">
        {SITES.map((s) => (
          <li key={s.id}>{s.label}</li>
        ))}
      </ul>
      <p class="muted">{t('welcome_helpdesks_custom', t('options_custom_sites'))}</p>
    </section>
  );
}
