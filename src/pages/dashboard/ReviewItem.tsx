/** One attempt in the review queue: what happened, a three-question yes/no rubric and a short note. */
import { useState } from 'preact/hooks';
import { type Attempt, MAX_FREE_TEXT } from '../../core/log/types';
import { attemptTime, secondsResolutionToOffer } from '../../core/metrics/facts';
import { send } from '../../messaging/client';
import { t } from '../../shared/i18n';
import type { Review } from '../../storage/schema';
import { formatSeconds, kindLabel, outcomeLabel, shortDateTime } from './format';

type Rubric = 'resolutionFirst' | 'fit' | 'tone';
const QUESTIONS: readonly { key: Rubric; label: () => string }[] = [
  { key: 'resolutionFirst', label: () => t('dash_review_q_resolution') },
  { key: 'fit', label: () => t('dash_review_q_fit') },
  { key: 'tone', label: () => t('dash_review_q_tone') },
];

interface Props {
  readonly attempt: Attempt;
  readonly index: number;
  readonly saved: Review | undefined;
  readonly onSaved: (r: Review) => void;
  readonly onOpen: (a: Attempt) => void;
}

export function ReviewItem({ attempt: a, index, saved, onSaved, onOpen }: Props) {
  const [draft, setDraft] = useState({
    resolutionFirst: saved?.resolutionFirst ?? null,
    fit: saved?.fit ?? null,
    tone: saved?.tone ?? null,
    note: saved?.note ?? '',
  });
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>(saved ? 'saved' : 'idle');
  const [error, setError] = useState('');
  const base = `rv-${index}`;
  const edit = (patch: Partial<typeof draft>) => {
    setDraft({ ...draft, ...patch });
    if (state !== 'saving') setState('idle');
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setState('saving');
    try {
      const { reviewedAt } = await send('review/save', { attemptId: a.id, ...draft });
      onSaved({ attemptId: a.id, ...draft, reviewedAt });
      setState('saved');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setState('error');
    }
  };
  const seconds = secondsResolutionToOffer(a);
  return (
    <li class="review">
      <form onSubmit={save}>
        <h3 id={`${base}-title`} class="review-title">
          <span class={`kind kind-${a.moveKind}`}>{kindLabel(a.moveKind)}</span> {a.moveTitle || a.moveId}
        </h3>
        <p class="muted small">
          {t('dash_review_meta', a.ticketId || '—', a.repId || '—', shortDateTime(attemptTime(a)), outcomeLabel(a.outcome))}
          {seconds !== null && ` · ${t('dash_review_after_resolution', formatSeconds(seconds))}`}{' '}
          <button type="button" class="link" onClick={() => onOpen(a)}>
            {t('dash_open_timeline')}
          </button>
        </p>
        <div class="rubric">
          {QUESTIONS.map((q) => (
            <fieldset key={q.key}>
              <legend>{q.label()}</legend>
              {([true, false] as const).map((value) => (
                <label key={String(value)} class="choice">
                  <input type="radio" name={`${base}-${q.key}`} checked={draft[q.key] === value} onChange={() => edit({ [q.key]: value })} />
                  {t(value ? 'dash_yes' : 'dash_no')}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <label class="note">
          {t('dash_review_note')}
          <textarea
            rows={2}
            maxLength={MAX_FREE_TEXT}
            value={draft.note}
            aria-describedby={`${base}-count`}
            onInput={(e) => edit({ note: e.currentTarget.value.slice(0, MAX_FREE_TEXT) })}
          />
        </label>
        <div class="row">
          <span id={`${base}-count`} class="muted small">
            {t('dash_chars_left', MAX_FREE_TEXT - draft.note.length)}
          </span>
          <button type="submit" class="primary" disabled={state === 'saving'}>
            {t('dash_review_save')}
          </button>
          <span role="status" class="small">
            {state === 'saved' ? t('dash_review_saved') : state === 'error' ? <span class="error">{t('dash_review_failed', error)}</span> : ''}
          </span>
        </div>
      </form>
    </li>
  );
}
