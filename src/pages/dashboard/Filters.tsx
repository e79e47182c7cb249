/** The filter bar: date range, one value per dimension (blank = any) and a search over ticket id and move. */
import { MOVE_KINDS, OUTCOMES } from '../../core/log/types';
import { t } from '../../shared/i18n';
import { helpdeskName } from '../field-labels';
import { kindLabel, outcomeLabel } from './format';
import { EMPTY_FILTER, type FilterOptions, type FilterState, isFiltered, SHOWN_ONLY } from './view-filter';

interface Props {
  readonly value: FilterState;
  readonly options: FilterOptions;
  readonly onChange: (patch: Partial<FilterState>) => void;
}

interface SelectProps {
  readonly name: keyof FilterState;
  readonly label: string;
  readonly value: string;
  readonly choices: readonly { value: string; label: string }[];
  readonly onChange: (patch: Partial<FilterState>) => void;
}

function Select({ name, label, value, choices, onChange }: SelectProps) {
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange({ [name]: e.currentTarget.value })}>
        <option value="">{t('dash_any')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v || '—' }));

export function Filters({ value, options, onChange }: Props) {
  return (
    <search class="filters" aria-label={t('dash_filters')}>
      <label>
        {t('dash_filter_from')}
        <input type="date" name="from" value={value.from} max={value.to || undefined} onChange={(e) => onChange({ from: e.currentTarget.value })} />
      </label>
      <label>
        {t('dash_filter_to')}
        <input type="date" name="to" value={value.to} min={value.from || undefined} onChange={(e) => onChange({ to: e.currentTarget.value })} />
      </label>
      <Select name="rep" label={t('col_rep')} value={value.rep} choices={plain(options.reps)} onChange={onChange} />
      <Select name="helpdesk" label={t('col_helpdesk')} value={value.helpdesk} choices={options.helpdesks.map((v) => ({ value: v, label: v ? helpdeskName(v) : '—' }))} onChange={onChange} />
      <Select name="channel" label={t('dash_col_channel')} value={value.channel} choices={plain(options.channels)} onChange={onChange} />
      <Select
        name="move"
        label={t('dash_col_move')}
        value={value.move}
        choices={options.moves.map((m) => ({ value: m.id, label: m.title || m.id }))}
        onChange={onChange}
      />
      <Select name="kind" label={t('dash_col_kind')} value={value.kind} choices={MOVE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} onChange={onChange} />
      <Select
        name="outcome"
        label={t('dash_col_outcome')}
        value={value.outcome}
        choices={[...OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) })), { value: SHOWN_ONLY, label: outcomeLabel(null) }]}
        onChange={onChange}
      />
      <Select name="playbook" label={t('dash_col_playbook')} value={value.playbook} choices={plain(options.playbooks)} onChange={onChange} />
      <Select name="variant" label={t('dash_col_variant')} value={value.variant} choices={plain(options.variants)} onChange={onChange} />
      <label class="grow">
        {t('dash_search')}
        <input type="search" name="text" value={value.text} placeholder={t('dash_search_placeholder')} onInput={(e) => onChange({ text: e.currentTarget.value })} />
      </label>
      <button type="button" disabled={!isFiltered(value)} onClick={() => onChange(EMPTY_FILTER)}>
        {t('dash_clear_filters')}
      </button>
    </search>
  );
}
