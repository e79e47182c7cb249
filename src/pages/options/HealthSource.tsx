/** Site health's "(selector: [data-test-id=…])" after a field: which kind of source read it, and the selector tried. */
import type { FieldSource } from '../../core/ticket/types';
import { t } from '../../shared/i18n';

export function HealthSource({ via, source }: { via: FieldSource; source?: string | undefined }) {
  const shown = source && source !== 'url' && source !== 'ticket API' ? `: ${source}` : '';
  return (
    <span class="muted health-source">
      {' '}({t(`options_health_via_${via}`)}
      {shown && <code>{shown.slice(0, 120)}</code>})
    </span>
  );
}
