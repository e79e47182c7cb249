/** The `?` view: its frame and Close here; the key list itself (KeyList.tsx) comes with the lazy bundle. */
import { t } from '../../shared/i18n';
import { LazyView } from '../lazy/LazyView';
import { trusted } from './trusted';

export function KeyHelp({ onClose }: { onClose: () => void }) {
  return (
    <section class="block" aria-labelledby="rp-keys" data-key-help>
      <h3 id="rp-keys">{t('panel_keys_title')}</h3>
      <LazyView render={(parts) => <parts.KeyList />} />
      <button type="button" onClick={trusted(onClose)}>
        {t('action_close')}
      </button>
    </section>
  );
}
