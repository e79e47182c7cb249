/** Where the playbook in force comes from: the administrator's policy, this browser, or the built-in default. */
import type { ActivePlaybooks } from '../../messaging/protocol';
import { t } from '../../shared/i18n';
import { versionOf } from './versions';

export function SourceBanner({ active }: { readonly active: ActivePlaybooks }) {
  const version = versionOf(active.playbooks[0]);
  const text =
    active.source === 'managed'
      ? t('options_source_managed')
      : active.source === 'bundle'
        ? t('options_source_bundle')
        : active.source === 'local'
          ? t('options_source_local', version)
          : t('options_source_default');
  return (
    <div class={`source source-${active.source}`} data-source={active.source}>
      <p>
        <strong>{t('options_source_label')}</strong> <span data-testid="playbook-source">{text}</span>
      </p>
      {active.source === 'managed' && <p class="hint">{t('options_source_managed_hint')}</p>}
      {active.problems.length > 0 && (
        <ul class="warn">
          {active.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
