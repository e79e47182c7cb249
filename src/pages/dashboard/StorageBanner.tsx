/** The worker flags `storageProblem` when IndexedDB refuses writes (quota, unavailable): a lead must see it. */
import { t } from '../../shared/i18n';
import { shortDateTime } from './format';
import { useStorageProblem } from './settings';

export function StorageBanner() {
  const problem = useStorageProblem();
  if (!problem) return null;
  return (
    <div class="banner warn sticky" role="alert">
      <strong>{t('dash_storage_title')}</strong> {t('warn_storage', problem.message || t('dash_storage_unknown'))}
      {problem.at !== null && <span class="small"> ({t('dash_storage_since', shortDateTime(problem.at))})</span>}
    </div>
  );
}
