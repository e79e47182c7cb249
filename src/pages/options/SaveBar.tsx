/** Save (= activate on this browser) and Discard, with the reason whenever saving is not possible. */
import { t } from '../../shared/i18n';

export interface SaveBarProps {
  /** Why Save is unavailable, or null when it is. */
  readonly blocked: string | null;
  readonly nextVersion: number;
  readonly dirty: boolean;
  readonly readOnly: boolean;
  readonly status: { readonly kind: 'ok' | 'error'; readonly text: string } | null;
  readonly onSave: () => void;
  readonly onDiscard: () => void;
}

export function SaveBar({ blocked, nextVersion, dirty, readOnly, status, onSave, onDiscard }: SaveBarProps) {
  return (
    <div class="save-bar">
      <button type="button" class="primary" aria-disabled={blocked ? 'true' : undefined} aria-describedby="save-reason" onClick={() => !blocked && onSave()}>
        {t('options_save_activate')}
      </button>
      {!readOnly && (
        <button type="button" aria-disabled={dirty ? undefined : 'true'} onClick={() => dirty && onDiscard()}>
          {t('options_discard')}
        </button>
      )}
      <span id="save-reason" class={blocked ? 'reason' : 'reason ok'}>
        {blocked ?? t('options_save_will', nextVersion)}
      </span>
      <span role="status" class={status?.kind === 'error' ? 'status error' : 'status'}>
        {status?.text ?? ''}
      </span>
    </div>
  );
}
