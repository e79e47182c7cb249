/**
 * How a move has done, next to its priority in the playbook editor: offers, acceptance and VES share
 * over the last 30 days, and a flag when it rarely lands. The options page reads the log database
 * directly, for reading only, like the dashboard (same extension origin; the worker alone writes).
 * The log is read once per page load and shared by every move's editor.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Attempt, Wrapup } from '../../core/log/types';
import { type MoveResult, moveResults, RARELY_LANDS, RESULTS_WINDOW_DAYS } from '../../core/metrics/move-results';
import { formatNumber, t } from '../../shared/i18n';
import { openLogDB } from '../../storage/open';

const DAY_MS = 86_400_000;

let results: Promise<Map<string, MoveResult>> | null = null;

async function readResults(now: number): Promise<Map<string, MoveResult>> {
  const db = await openLogDB();
  try {
    const since = now - RESULTS_WINDOW_DAYS * DAY_MS;
    // An attempt's time (its offer) is never after its last logged event, so the index bound loses nothing.
    const attempts: Attempt[] = await db.getAllFromIndex('attempts', 'by-logged', IDBKeyRange.lowerBound(since));
    // Wrap-ups come after the offer they answer; a day's slack keeps one logged just before the window's edge.
    const wrapups: Wrapup[] = await db.getAllFromIndex('wrapups', 'by-at', IDBKeyRange.lowerBound(since - DAY_MS));
    return moveResults(attempts, wrapups, now);
  } finally {
    db.close();
  }
}

function sharedResults(): Promise<Map<string, MoveResult>> {
  results ??= readResults(Date.now());
  results.catch(() => (results = null));
  return results;
}

const pct = (share: number | null) => (share === null ? '—' : formatNumber(share, { style: 'percent', maximumFractionDigits: 0 }));

export function MoveResults({ moveId }: { readonly moveId: string }) {
  const [state, setState] = useState<{ result: MoveResult | null; error: string } | null>(null);
  useEffect(() => {
    let live = true;
    sharedResults().then(
      (map) => live && setState({ result: map.get(moveId) ?? null, error: '' }),
      (e: unknown) => live && setState({ result: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [moveId]);
  if (state === null) return null;
  const r = state.result;
  return (
    // Styled inline: options.css belongs to the options page's owner, and this block is self-contained.
    <div class="move-results field" data-move={moveId} style={{ display: 'flex', flexDirection: 'column', gap: '2px', fontSize: '13px' }}>
      <span class="muted" style={{ fontSize: '12px' }}>
        {t('options_move_results_title')}
      </span>
      {state.error ? (
        <span class="muted">{t('options_move_results_unavailable', state.error)}</span>
      ) : r === null ? (
        <span class="muted">{t('options_move_results_none')}</span>
      ) : (
        <span>{t('options_move_results_line', formatNumber(r.offered), pct(r.acceptance), pct(r.ves.share))}</span>
      )}
      {r?.rarelyLands && (
        <span class="warn move-results-flag" role="note">
          {t('options_move_results_rarely', pct(RARELY_LANDS.maxAcceptance), RARELY_LANDS.minOffers)}
        </span>
      )}
    </div>
  );
}
