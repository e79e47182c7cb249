/**
 * The review queue: ten offered attempts picked at random for this tab's session (see sample.ts), from
 * the attempts the dashboard's filters select, spread evenly over reps; each rated with a yes/no rubric
 * and a note that the worker stores; every saved review exports as CSV.
 */
import { useMemo, useState } from 'preact/hooks';
import { wasOffered } from '../../core/metrics/facts';
import { csvChunks } from '../../core/csv/write';
import type { Attempt } from '../../core/log/types';
import { t } from '../../shared/i18n';
import type { Review } from '../../storage/schema';
import { downloadBlob, exportFileName } from './download';
import { formatCount } from './format';
import { REVIEW_COLUMNS, reviewRows } from './review-csv';
import { ReviewItem } from './ReviewItem';
import { sessionSample } from './sample';

export const REVIEW_SAMPLE = 10;

interface Props {
  /** The attempts the dashboard's filters select: the queue samples from these. */
  readonly attempts: readonly Attempt[];
  /** Every attempt, so exported reviews keep their attempt's details whatever the filter. */
  readonly allAttempts: readonly Attempt[];
  readonly reviews: ReadonlyMap<string, Review>;
  readonly bom: boolean;
  readonly onSaved: (r: Review) => void;
  readonly onOpen: (a: Attempt) => void;
}

function pick(attempts: readonly Attempt[]): Attempt[] {
  const byId = new Map<string, Attempt>();
  for (const a of attempts) if (wasOffered(a)) byId.set(a.id, a);
  let store: Storage | null = null;
  try {
    store = sessionStorage;
  } catch {
    store = null; // storage disabled: a fresh sample per page load is still a sample
  }
  const memory = new Map<string, string>();
  const fallback = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
  const candidates = [...byId.values()].map((a) => ({ id: a.id, group: a.repId }));
  return sessionSample(candidates, REVIEW_SAMPLE, store ?? fallback).flatMap((id) => byId.get(id) ?? []);
}

export function ReviewQueue({ attempts, allAttempts, reviews, bom, onSaved, onOpen }: Props) {
  const sample = useMemo(() => pick(attempts), [attempts]);
  const [exported, setExported] = useState('');
  const done = sample.filter((a) => reviews.has(a.id)).length;
  const exportCsv = () => {
    const rows = reviewRows(reviews.values(), new Map(allAttempts.map((a) => [a.id, a])));
    downloadBlob([...csvChunks(rows, REVIEW_COLUMNS, { bom })], 'text/csv;charset=utf-8', exportFileName('reviews', 'csv'));
    setExported(t('dash_exported_rows', formatCount(rows.length)));
  };
  return (
    <>
      <div class="row spread">
        <p class="muted">{t('dash_review_intro', formatCount(sample.length), formatCount(done))}</p>
        <div class="row">
          <button type="button" disabled={reviews.size === 0} onClick={exportCsv}>
            {t('dash_review_export', formatCount(reviews.size))}
          </button>
          <span role="status" class="small">
            {exported}
          </span>
        </div>
      </div>
      {sample.length === 0 ? (
        <p class="muted">{t('dash_review_empty')}</p>
      ) : (
        <ol class="reviews">
          {sample.map((a, i) => (
            <ReviewItem key={a.id} attempt={a} index={i} saved={reviews.get(a.id)} onSaved={onSaved} onOpen={onOpen} />
          ))}
        </ol>
      )}
    </>
  );
}
