/** The change against the previous period, under a tile's value or in a table cell; nothing when not comparing. */
import type { JSX } from 'preact';
import { t } from '../../shared/i18n';
import { type ChangeKind, formatChange } from './format';

export function Change({ value, kind, compare }: { readonly value: number | null; readonly kind: ChangeKind; readonly compare: boolean }): JSX.Element | null {
  if (!compare) return null;
  const dir = value === null || value === 0 ? 'flat' : value > 0 ? 'up' : 'down';
  const text = formatChange(value, kind);
  return (
    <span class={`change change-${dir}`} title={t('lead_change_title')}>
      <span aria-hidden="true">{dir === 'up' ? '▲ ' : dir === 'down' ? '▼ ' : ''}</span>
      {t('lead_change_vs_previous', text)}
    </span>
  );
}
