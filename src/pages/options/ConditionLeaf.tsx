/** The form for one leaf condition, by kind. Field paths match validation paths (`….customerSays.any`). */
import { MOVE_KINDS, type MoveKind, OUTCOMES } from '../../core/log/types';
import type { Condition, PriorAttempts, PriorOutcome, TagsMatch } from '../../core/playbook';
import { CHANNELS, HELPDESK_IDS, TICKET_STATUSES } from '../../core/ticket/types';
import { t } from '../../shared/i18n';
import { ChoiceGroup } from './ChoiceGroup';
import type { ConditionContext } from './ConditionEditor';
import { setField } from './condition-tree';
import { Field } from './Field';
import { KeywordsInput } from './KeywordsInput';
import { channelLabel, helpdeskLabel, moveKindLabel, outcomeLabel, statusLabel } from './labels';
import { NumberInput } from './NumberInput';

export interface ConditionLeafProps {
  readonly value: Condition;
  readonly path: string;
  readonly ctx: ConditionContext;
  readonly onChange: (c: Condition) => void;
}

const nonEmpty = (list: string[]): string[] | undefined => (list.length > 0 ? list : undefined);

export function ConditionLeaf({ value: c, path, ctx, onChange }: ConditionLeafProps) {
  const { issues } = ctx;
  if ('helpdesk' in c) {
    return (
      <ChoiceGroup path={`${path}.helpdesk`} legend={t('options_cond_helpdesk_legend')} options={HELPDESK_IDS} label={helpdeskLabel} value={c.helpdesk} onChange={(v) => onChange({ helpdesk: v })} issues={issues} />
    );
  }
  if ('channel' in c) {
    return <ChoiceGroup path={`${path}.channel`} legend={t('options_cond_channel_legend')} options={CHANNELS} label={channelLabel} value={c.channel} onChange={(v) => onChange({ channel: v })} issues={issues} />;
  }
  if ('status' in c) {
    return (
      <ChoiceGroup path={`${path}.status`} legend={t('options_cond_status_legend')} options={TICKET_STATUSES} label={statusLabel} value={c.status} onChange={(v) => onChange({ status: v })} issues={issues} />
    );
  }
  if ('tags' in c) {
    const set = (k: keyof TagsMatch, list: string[]) => onChange({ tags: setField(c.tags, k, nonEmpty(list)) });
    return (
      <div class="leaf-fields">
        <Field path={`${path}.tags.any`} label={t('options_cond_tags_any')} hint={t('options_cond_list_hint')} issues={issues}>
          {(p) => <KeywordsInput {...p} value={c.tags.any} onChange={(l) => set('any', l)} />}
        </Field>
        <Field path={`${path}.tags.all`} label={t('options_cond_tags_all')} issues={issues}>
          {(p) => <KeywordsInput {...p} value={c.tags.all} onChange={(l) => set('all', l)} />}
        </Field>
      </div>
    );
  }
  if ('product' in c) {
    return (
      <Field path={`${path}.product`} label={t('options_cond_product_label')} hint={t('options_cond_keywords_hint')} issues={issues} wide>
        {(p) => <KeywordsInput {...p} value={c.product} onChange={(l) => onChange({ product: l })} />}
      </Field>
    );
  }
  if ('customerSays' in c || 'agentSays' in c) {
    const customer = 'customerSays' in c;
    const list = customer ? c.customerSays.any : c.agentSays.any;
    const key = customer ? 'customerSays' : 'agentSays';
    return (
      <Field
        path={`${path}.${key}.any`}
        label={customer ? t('options_cond_customer_says_label') : t('options_cond_agent_says_label')}
        hint={t('options_cond_keywords_hint')}
        issues={issues}
        wide
      >
        {(p) => <KeywordsInput {...p} value={list} placeholder={t('options_cond_keywords_example')} onChange={(l) => onChange(customer ? { customerSays: { any: l } } : { agentSays: { any: l } })} />}
      </Field>
    );
  }
  if ('elapsedMinutes' in c) {
    const r = c.elapsedMinutes;
    return (
      <div class="leaf-fields">
        <Field path={`${path}.elapsedMinutes.gte`} label={t('options_cond_at_least_minutes')} issues={issues}>
          {(p) => <NumberInput {...p} optional min={0} value={r.gte} onChange={(v) => onChange({ elapsedMinutes: setField(r, 'gte', v) })} />}
        </Field>
        <Field path={`${path}.elapsedMinutes.lte`} label={t('options_cond_at_most_minutes')} issues={issues}>
          {(p) => <NumberInput {...p} optional min={0} value={r.lte} onChange={(v) => onChange({ elapsedMinutes: setField(r, 'lte', v) })} />}
        </Field>
      </div>
    );
  }
  if ('stepDone' in c) {
    const known = ctx.steps.some((s) => s.id === c.stepDone);
    return (
      <Field path={`${path}.stepDone`} label={t('options_cond_step_label')} issues={issues}>
        {(p) => (
          <select {...p} value={c.stepDone} onChange={(e) => onChange({ stepDone: e.currentTarget.value })}>
            {!known && <option value={c.stepDone}>{t('options_cond_unknown_step', c.stepDone || '—')}</option>}
            {ctx.steps.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title || s.id}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  if ('resolutionConfirmed' in c) {
    return (
      <Field path={`${path}.resolutionConfirmed`} label={t('options_cond_resolution_label')} issues={issues}>
        {(p) => (
          <select {...p} value={String(c.resolutionConfirmed)} onChange={(e) => onChange({ resolutionConfirmed: e.currentTarget.value === 'true' })}>
            <option value="true">{t('options_yes')}</option>
            <option value="false">{t('options_no')}</option>
          </select>
        )}
      </Field>
    );
  }
  if ('priorAttempts' in c) {
    const a = c.priorAttempts;
    const set = <K extends keyof PriorAttempts>(k: K, v: PriorAttempts[K] | undefined) => onChange({ priorAttempts: setField(a, k, v) });
    return (
      <div class="leaf-fields">
        <Field path={`${path}.priorAttempts.withinDays`} label={t('options_cond_within_days')} issues={issues}>
          {(p) => <NumberInput {...p} min={1} value={a.withinDays} onChange={(v) => set('withinDays', v ?? Number.NaN)} />}
        </Field>
        <Field path={`${path}.priorAttempts.gte`} label={t('options_cond_at_least_times')} issues={issues}>
          {(p) => <NumberInput {...p} optional min={0} value={a.gte} onChange={(v) => set('gte', v)} />}
        </Field>
        <Field path={`${path}.priorAttempts.lte`} label={t('options_cond_at_most_times')} issues={issues}>
          {(p) => <NumberInput {...p} optional min={0} value={a.lte} onChange={(v) => set('lte', v)} />}
        </Field>
        <Field path={`${path}.priorAttempts.kind`} label={t('options_cond_of_kind')} issues={issues}>
          {(p) => (
            <select {...p} value={a.kind ?? ''} onChange={(e) => set('kind', (e.currentTarget.value || undefined) as MoveKind | undefined)}>
              <option value="">{t('options_cond_any_kind')}</option>
              {MOVE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {moveKindLabel(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <MovePicker path={`${path}.priorAttempts.moveId`} ctx={ctx} value={a.moveId} onChange={(v) => set('moveId', v)} />
      </div>
    );
  }
  if ('priorOutcome' in c) {
    const o = c.priorOutcome;
    const set = <K extends keyof PriorOutcome>(k: K, v: PriorOutcome[K] | undefined) => onChange({ priorOutcome: setField(o, k, v) });
    return (
      <div class="leaf-fields">
        <ChoiceGroup path={`${path}.priorOutcome.outcome`} legend={t('options_cond_outcome_legend')} options={OUTCOMES} label={outcomeLabel} value={o.outcome} onChange={(v) => set('outcome', v)} issues={issues} />
        <Field path={`${path}.priorOutcome.withinDays`} label={t('options_cond_within_days')} issues={issues}>
          {(p) => <NumberInput {...p} min={1} value={o.withinDays} onChange={(v) => set('withinDays', v ?? Number.NaN)} />}
        </Field>
        <MovePicker path={`${path}.priorOutcome.moveId`} ctx={ctx} value={o.moveId} onChange={(v) => set('moveId', v)} />
      </div>
    );
  }
  return null;
}

function MovePicker({ path, ctx, value, onChange }: { path: string; ctx: ConditionContext; value: string | undefined; onChange: (v: string | undefined) => void }) {
  const known = value === undefined || ctx.moves.some((m) => m.id === value);
  return (
    <Field path={path} label={t('options_cond_which_move')} issues={ctx.issues} warnings={ctx.warnings}>
      {(p) => (
        <select {...p} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || undefined)}>
          <option value="">{t('options_cond_any_move')}</option>
          {!known && value !== undefined && <option value={value}>{t('options_cond_unknown_move', value)}</option>}
          {ctx.moves.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title || m.id}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
