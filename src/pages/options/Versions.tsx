/** Saved versions on this browser, newest first; restoring one saves it again as a new version. */
import { parsePlaybook } from '../../core/playbook';
import { formatDateTime, t } from '../../shared/i18n';
import { type PlaybookStore, versionOf } from './versions';

export interface VersionsProps {
  readonly store: PlaybookStore;
  /** Restoring is blocked while the editor has unsaved changes (they would be lost) or the playbook is managed. */
  readonly blockedReason: string | null;
  readonly onRestore: (version: number) => void;
  readonly onUseDefault: () => void;
}

export function Versions({ store, blockedReason, onRestore, onUseDefault }: VersionsProps) {
  const current = store.current === null ? null : parsePlaybook(store.current);
  const savedAt = (v: number) => {
    const at = store.savedAt[String(v)];
    return at === undefined ? '' : t('options_versions_saved_at', formatDateTime(at));
  };
  return (
    <section class="card" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('options_versions_title')}</h2>
      <p class="hint">{t('options_versions_hint')}</p>
      {blockedReason && <p class="muted">{blockedReason}</p>}
      {current?.ok ? (
        <p>
          {t('options_versions_current', current.playbook.version, current.playbook.name)} <span class="muted">{savedAt(current.playbook.version)}</span>{' '}
          <button type="button" aria-disabled={blockedReason ? 'true' : undefined} onClick={() => !blockedReason && onUseDefault()}>
            {t('options_versions_use_default')}
          </button>
        </p>
      ) : (
        <p class="muted">{t('options_versions_none')}</p>
      )}
      {store.history.length > 0 && (
        <ol class="versions">
          {store.history.map((entry, i) => {
            const r = parsePlaybook(entry);
            const v = versionOf(entry);
            return (
              <li key={`${i}-${v}`} data-version={v}>
                <span>
                  {r.ok ? t('options_versions_entry', v, r.playbook.name, r.playbook.checklist.length, r.playbook.moves.length) : t('options_versions_invalid', v)}{' '}
                  <span class="muted">{savedAt(v)}</span>
                </span>
                {r.ok && (
                  <button type="button" aria-disabled={blockedReason ? 'true' : undefined} aria-label={t('options_versions_restore_named', v)} onClick={() => !blockedReason && onRestore(v)}>
                    {t('options_versions_restore')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
