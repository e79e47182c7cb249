/**
 * Horizontal bars for rates by category (move, kind, variant). Plain HTML, not canvas: long move titles
 * stay readable and wrap, and each bar's value is text next to it. The bar itself is decoration.
 */
import { formatShare } from './format';

export interface Bar {
  readonly key: string;
  readonly label: string;
  /** 0–1, or null when there is nothing to divide (drawn empty, labelled "—"). */
  readonly share: number | null;
  /** e.g. "12 of 30 offered". */
  readonly detail: string;
}

export function BarChart({ bars, label }: { readonly bars: readonly Bar[]; readonly label: string }) {
  return (
    <ul class="bars" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key}>
          <span class="bar-label" title={b.label}>
            {b.label}
          </span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${Math.round((b.share ?? 0) * 1000) / 10}%` }} />
          </span>
          <span class="bar-value">
            <strong>{formatShare(b.share)}</strong> <span class="muted">{b.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
