/**
 * Selector overrides: an admin points a helpdesk's field at their own CSS selectors (tried before the
 * built-in ones) when the product's markup changed, without waiting for a release. Validated here (CSS
 * syntax) and again by the worker (shape, bounds), which stores them in the trusted config store; policy
 * overrides (`siteOverrides`) are listed read-only. Site health then shows the selector that was used.
 * Open helpdesk tabs pick up a change on their next reload.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OverrideError, OverridesByHelpdesk } from '../../core/ticket/overrides';
import { HELPDESK_IDS, type HelpdeskId, OVERRIDE_FIELDS, type OverrideField } from '../../core/ticket/types';
import { send } from '../../messaging/client';
import { t } from '../../shared/i18n';
import { healthFieldLabel, helpdeskLabel } from './labels';

// Layout kept here: the options stylesheet is shared with other sections.
const FORM_STYLE = { display: 'grid', gridTemplateColumns: '1fr 1fr 2fr auto', gap: '8px', alignItems: 'end', marginTop: '8px' };
const LABEL_STYLE = { display: 'flex', flexDirection: 'column', gap: '4px' } as const;

const fieldLabel = (f: OverrideField): string => (f === 'ticketRoot' ? t('options_override_root') : healthFieldLabel(f));

/** CSS syntax errors, one message per bad selector (the worker cannot parse CSS; this page can). */
export function selectorProblems(selectors: readonly string[]): string[] {
  const out: string[] = [];
  for (const sel of selectors) {
    try {
      document.createDocumentFragment().querySelector(sel);
    } catch {
      out.push(t('options_override_bad_selector', sel.slice(0, 80)));
    }
  }
  return out;
}

interface Row {
  readonly helpdesk: HelpdeskId;
  readonly field: OverrideField;
  readonly selectors: readonly string[];
}

function rowsOf(all: OverridesByHelpdesk): Row[] {
  const rows: Row[] = [];
  for (const helpdesk of HELPDESK_IDS) {
    for (const field of OVERRIDE_FIELDS) {
      const selectors = all[helpdesk]?.[field];
      if (selectors?.length) rows.push({ helpdesk, field, selectors });
    }
  }
  return rows;
}

export function SelectorOverrides() {
  const [local, setLocal] = useState<OverridesByHelpdesk>({});
  const [policy, setPolicy] = useState<OverridesByHelpdesk>({});
  const [policyErrors, setPolicyErrors] = useState<OverrideError[]>([]);
  const [helpdesk, setHelpdesk] = useState<HelpdeskId>('zendesk');
  const [field, setField] = useState<OverrideField>('subject');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  const load = () =>
    send('sites/overrides-all', {})
      .then((r) => {
        setLocal(r.local);
        setPolicy(r.policy);
        setPolicyErrors(r.errors);
      })
      .catch(() => {});
  useEffect(() => {
    void load();
  }, []);

  async function save(next: OverridesByHelpdesk): Promise<void> {
    const r = await send('sites/overrides-save', { overrides: next });
    if (r.errors.length) {
      setErrors(r.errors.map((e) => `${e.path}: ${e.message}`));
      return;
    }
    setErrors([]);
    setSaved(true);
    await load();
  }

  async function add(e: Event): Promise<void> {
    e.preventDefault();
    if (!(e as Event & { isTrusted: boolean }).isTrusted) return;
    setSaved(false);
    const selectors = text
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const problems = selectors.length ? selectorProblems(selectors) : [t('options_overrides_empty')];
    if (problems.length) {
      setErrors(problems);
      return;
    }
    await save({ ...local, [helpdesk]: { ...local[helpdesk], [field]: selectors } });
    setText('');
  }

  async function remove(row: Row): Promise<void> {
    const { [row.field]: _gone, ...rest } = local[row.helpdesk] ?? {};
    const next = { ...local, [row.helpdesk]: rest };
    if (!Object.keys(rest).length) delete next[row.helpdesk];
    await save(next);
  }

  const rows = rowsOf(local);
  const policyRows = rowsOf(policy);
  return (
    <section class="card" aria-labelledby="overrides-title">
      <h2 id="overrides-title">{t('options_overrides_title')}</h2>
      <p class="hint">{t('options_overrides_hint')}</p>
      {policyErrors.length > 0 && (
        <div class="warn" role="alert">
          {t('options_overrides_policy_errors')}
          <ul>
            {policyErrors.map((e) => (
              <li key={e.path}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul class="overrides" data-overrides>
        {policyRows.map((r) => (
          <li key={`p-${r.helpdesk}-${r.field}`} data-override={`${r.helpdesk}.${r.field}`}>
            <strong>{helpdeskLabel(r.helpdesk)}</strong> · {fieldLabel(r.field)}: <code>{r.selectors.join(', ')}</code>{' '}
            <span class="muted">({t('options_overrides_policy')})</span>
          </li>
        ))}
        {rows.map((r) => (
          <li key={`l-${r.helpdesk}-${r.field}`} data-override={`${r.helpdesk}.${r.field}`}>
            <strong>{helpdeskLabel(r.helpdesk)}</strong> · {fieldLabel(r.field)}: <code>{r.selectors.join(', ')}</code>{' '}
            <button type="button" onClick={() => void remove(r)}>
              {t('options_overrides_remove')}
            </button>
          </li>
        ))}
        {rows.length + policyRows.length === 0 && <li class="muted">{t('options_overrides_none')}</li>}
      </ul>
      <form onSubmit={(e) => void add(e)} class="override-form" style={FORM_STYLE}>
        <label style={LABEL_STYLE}>
          {t('options_overrides_helpdesk')}
          <select value={helpdesk} onChange={(e) => setHelpdesk((e.currentTarget as HTMLSelectElement).value as HelpdeskId)}>
            {HELPDESK_IDS.map((id) => (
              <option key={id} value={id}>
                {helpdeskLabel(id)}
              </option>
            ))}
          </select>
        </label>
        <label style={LABEL_STYLE}>
          {t('options_overrides_field')}
          <select value={field} onChange={(e) => setField((e.currentTarget as HTMLSelectElement).value as OverrideField)}>
            {OVERRIDE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {fieldLabel(f)}
              </option>
            ))}
          </select>
        </label>
        <label style={LABEL_STYLE}>
          {t('options_overrides_selectors')}
          <textarea rows={2} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        <button type="submit" class="primary">
          {t('options_overrides_add')}
        </button>
      </form>
      {errors.length > 0 && (
        <ul class="errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {saved && errors.length === 0 && (
        <p class="muted" role="status">
          {t('options_overrides_saved')}
        </p>
      )}
    </section>
  );
}
