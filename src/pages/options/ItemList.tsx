/**
 * An editable list of steps or moves: each item is a disclosure (title, badges, problem count) with
 * Move up / Move down / Duplicate / Delete buttons; focus follows the item after every change so the
 * list is fully keyboard operable. Keys stay with items through reorders (list-ops `freshKeys`).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PlaybookIssue } from '../../core/playbook';
import { t } from '../../shared/i18n';
import { freshKey, freshKeys, insertAt, moveItem, removeAt, replaceAt } from './list-ops';
import { fieldId, issuesWithin, isWithin } from './paths';

export interface ItemListProps<T> {
  readonly items: readonly T[];
  readonly onChange: (items: T[]) => void;
  /** `checklist`, `moves` or `abTest.movesB`. */
  readonly basePath: string;
  readonly errors: readonly PlaybookIssue[];
  readonly warnings: readonly PlaybookIssue[];
  readonly readOnly: boolean;
  /** Changes when the whole list is replaced (import, restore, discard): items get new keys and collapse. */
  readonly resetToken: number;
  /** A path the error summary wants shown: the item holding it opens. */
  readonly reveal: { readonly path: string; readonly n: number } | null;
  readonly label: string;
  readonly titleOf: (item: T) => string;
  readonly badgesOf: (item: T) => readonly string[];
  readonly render: (item: T, path: string, update: (item: T) => void, index: number) => ComponentChildren;
  readonly create: () => T;
  readonly duplicate: (index: number) => T | null;
  readonly addLabel: string;
}

type Focus = { readonly key: number; readonly target: 'up' | 'down' | 'toggle' | 'first-field' } | { readonly key: null; readonly target: 'add' };

export function ItemList<T>(props: ItemListProps<T>) {
  const { items, onChange, basePath, errors, warnings, readOnly, resetToken, reveal, label, titleOf, badgesOf, render, create, duplicate, addLabel } = props;
  const keys = useRef<number[]>([]);
  const token = useRef(resetToken);
  if (keys.current.length !== items.length || token.current !== resetToken) {
    keys.current = freshKeys(items.length);
    token.current = resetToken;
  }
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const focus = useRef<Focus | null>(null);
  const root = useRef<HTMLDivElement>(null);

  // Only when a new reveal request comes in: items and basePath are read at request time.
  useEffect(() => {
    if (reveal === null) return;
    const i = items.findIndex((_, j) => isWithin(reveal.path, `${basePath}[${j}]`));
    const key = keys.current[i];
    if (key !== undefined) setOpen((s) => new Set([...s, key]));
  }, [reveal]);

  // Layout effect: focus moves in the same frame as the list, so the next key press goes to the right button.
  useLayoutEffect(() => {
    const f = focus.current;
    if (f === null || root.current === null) return;
    focus.current = null;
    const scope = f.key === null ? root.current : root.current.querySelector(`[data-item-key="${f.key}"]`);
    if (!scope) return;
    const pick = (sel: string) => scope.querySelector<HTMLElement>(sel);
    let el: HTMLElement | null = null;
    if (f.target === 'add') el = pick('[data-action="add"]');
    else if (f.target === 'first-field') el = pick('.item-body input, .item-body select, .item-body textarea');
    else if (f.target === 'toggle') el = pick('[data-action="toggle"]');
    else {
      el = pick(`[data-action="${f.target}"]`);
      if (el?.hasAttribute('disabled')) el = pick(`[data-action="${f.target === 'up' ? 'down' : 'up'}"]`);
      if (el?.hasAttribute('disabled')) el = pick('[data-action="toggle"]');
    }
    el?.focus();
  });

  const emit = (next: T[], nextKeys: number[], f: Focus | null) => {
    keys.current = nextKeys;
    focus.current = f;
    onChange(next);
  };
  const toggle = (key: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });
  const addOpen = (key: number) => setOpen((s) => new Set([...s, key]));

  return (
    <div class="item-list" ref={root}>
      {items.length > 0 && (
        <ol class="items" aria-label={label}>
          {items.map((item, i) => {
            const key = keys.current[i] as number;
            const path = `${basePath}[${i}]`;
            const title = titleOf(item) || t('options_untitled');
            const isOpen = open.has(key);
            const bodyId = `${fieldId(path)}--body`;
            const nErr = issuesWithin(errors, path).length;
            const nWarn = issuesWithin(warnings, path).length;
            return (
              <li key={key} class={nErr > 0 ? 'item has-errors' : 'item'} data-item-key={key} id={fieldId(path)}>
                <div class="item-head">
                  <button type="button" class="disclosure" data-action="toggle" aria-expanded={isOpen} aria-controls={bodyId} onClick={() => toggle(key)}>
                    <span class="chevron" aria-hidden="true">
                      {isOpen ? '▾' : '▸'}
                    </span>
                    <span class="item-title">{title}</span>
                  </button>
                  <span class="badges">
                    {badgesOf(item).map((b) => (
                      <span class="badge" key={b}>
                        {b}
                      </span>
                    ))}
                    {nErr > 0 && <span class="badge badge-err">{t('options_n_problems', nErr)}</span>}
                    {nWarn > 0 && <span class="badge badge-warn">{t('options_n_warnings', nWarn)}</span>}
                  </span>
                  {!readOnly && (
                    <span class="item-actions">
                      <button type="button" data-action="up" disabled={i === 0} aria-label={t('options_move_up_named', title)} onClick={() => emit(moveItem(items, i, i - 1), moveItem(keys.current, i, i - 1), { key, target: 'up' })}>
                        {t('options_move_up')}
                      </button>
                      <button
                        type="button"
                        data-action="down"
                        disabled={i === items.length - 1}
                        aria-label={t('options_move_down_named', title)}
                        onClick={() => emit(moveItem(items, i, i + 1), moveItem(keys.current, i, i + 1), { key, target: 'down' })}
                      >
                        {t('options_move_down')}
                      </button>
                      <button
                        type="button"
                        aria-label={t('options_duplicate_named', title)}
                        onClick={() => {
                          const copy = duplicate(i);
                          if (copy === null) return;
                          const k = freshKey();
                          addOpen(k);
                          emit(insertAt(items, i + 1, copy), insertAt(keys.current, i + 1, k), { key: k, target: 'first-field' });
                        }}
                      >
                        {t('options_duplicate')}
                      </button>
                      <button
                        type="button"
                        class="danger"
                        aria-label={t('options_delete_named', title)}
                        onClick={() => {
                          const nextKeys = removeAt(keys.current, i);
                          const neighbour = nextKeys[i] ?? nextKeys[i - 1];
                          emit(removeAt(items, i), nextKeys, neighbour === undefined ? { key: null, target: 'add' } : { key: neighbour, target: 'toggle' });
                        }}
                      >
                        {t('options_delete')}
                      </button>
                    </span>
                  )}
                </div>
                <div class="item-body" id={bodyId} hidden={!isOpen}>
                  {isOpen && (
                    <fieldset class="plain" disabled={readOnly}>
                      {render(item, path, (next) => onChange(replaceAt(items, i, next)), i)}
                    </fieldset>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {items.length === 0 && <p class="muted">{t('options_list_empty')}</p>}
      {!readOnly && (
        <button
          type="button"
          data-action="add"
          onClick={() => {
            const k = freshKey();
            addOpen(k);
            emit([...items, create()], [...keys.current, k], { key: k, target: 'first-field' });
          }}
        >
          {addLabel}
        </button>
      )}
    </div>
  );
}
