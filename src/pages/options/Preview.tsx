/**
 * Live preview: on a sample ticket, which steps apply, whether resolution is confirmed, which moves the
 * rep would be offered (with "because…") and which are held back (with the reason) — the engine's own
 * `evaluate`, run on the draft as it is edited (the last valid state while the draft has errors).
 */
import { useMemo, useState } from 'preact/hooks';
import type { Playbook } from '../../core/playbook';
import { t } from '../../shared/i18n';
import { moveKindLabel } from './labels';
import { previewSample, type SampleTicket } from './sample';
import { SampleForm } from './SampleForm';
import { samplePresets } from './samples';

export interface PreviewProps {
  /** The playbook to run: the draft when valid, otherwise its last valid state. */
  readonly playbook: Playbook | null;
  /** True when `playbook` is an older state because the draft has errors. */
  readonly stale: boolean;
}

export function Preview({ playbook, stale }: PreviewProps) {
  const presets = useMemo(samplePresets, []);
  const first = presets[0] as (typeof presets)[number];
  const [presetId, setPresetId] = useState(first.id);
  const [sample, setSample] = useState<SampleTicket>(first.ticket);
  const steps = playbook?.checklist ?? [];
  const usable = { ...sample, done: sample.done.filter((id) => steps.some((s) => s.id === id)) };
  const result = useMemo(() => (playbook ? previewSample(playbook, usable, Date.now()) : null), [playbook, sample]);

  return (
    <section class="card preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('options_preview_title')}</h2>
      <p class="hint">{t('options_preview_hint')}</p>
      <SampleForm
        sample={sample}
        presets={presets}
        presetId={presetId}
        steps={steps}
        onPreset={(id) => {
          const p = presets.find((x) => x.id === id);
          if (!p) return;
          setPresetId(id);
          setSample({ ...p.ticket, done: sample.done });
        }}
        onChange={(s) => {
          setPresetId('edited');
          setSample(s);
        }}
      />
      {stale && <p class="warn">{t('options_preview_stale')}</p>}
      {result && (
        <div class="preview-out" data-testid="preview">
          <h3>{t('options_preview_on_sample')}</h3>
          {result.variant !== '' && <p>{t('options_preview_variant', result.variant)}</p>}
          <h4 class="subhead">{t('options_preview_steps')}</h4>
          <ul class="preview-steps">
            {result.evaluation.steps.map((s) => (
              <li key={s.id} class={s.applicable ? '' : 'muted'}>
                <span aria-hidden="true">{s.done ? '☑' : '☐'}</span> {s.title}
                <span class="sr-only">{s.done ? t('options_preview_done') : t('options_preview_not_done')}</span>
                {result.autoTicked.includes(s.id) && <span class="badge">{t('options_preview_auto')}</span>}
                {!s.applicable && <span class="badge">{t('options_preview_not_applicable')}</span>}
                {s.confirmsResolution && <span class="badge">{t('options_preview_confirms')}</span>}
              </li>
            ))}
          </ul>
          <p class={result.evaluation.resolutionConfirmed ? 'ok-line' : 'muted'}>
            {result.evaluation.resolutionConfirmed ? t('options_preview_resolved') : t('options_preview_not_resolved')}
          </p>
          <h4 class="subhead">{t('options_preview_offered', result.evaluation.eligible.length)}</h4>
          {result.evaluation.eligible.length === 0 && <p class="muted">{t('options_preview_none')}</p>}
          {result.evaluation.eligible.map((e) => (
            <article class="preview-move" key={e.move.id} data-move={e.move.id}>
              <h5>
                {e.move.title} <span class="badge">{moveKindLabel(e.move.kind)}</span>
              </h5>
              <blockquote>{e.text}</blockquote>
              <p class="because">{t('options_preview_because')}</p>
              <ul>
                {e.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </article>
          ))}
          {result.evaluation.heldBack.length > 0 && (
            <>
              <h4 class="subhead">{t('options_preview_held', result.evaluation.heldBack.length)}</h4>
              <ul class="held">
                {result.evaluation.heldBack.map((h) => (
                  <li key={h.moveId} data-move={h.moveId}>
                    <strong>{h.title}</strong> — {h.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
