/** How a rep installs the extension — from a store listing, from the zip, in Firefox. No developer tooling. */
import { t } from '../../shared/i18n';

export function Install() {
  return (
    <section class="card" aria-labelledby="welcome-install">
      <h2 id="welcome-install">{t('welcome_install_title')}</h2>
      <ul>
        <li>{t('welcome_install_store')}</li>
        <li>{t('welcome_install_zip')}</li>
        <li>{t('welcome_install_firefox')}</li>
      </ul>
    </section>
  );
}
