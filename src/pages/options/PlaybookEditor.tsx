/**
 * The playbook editor: loads the playbook in force, edits a draft (validated on every change with the
 * engine's `parsePlaybook`, tone-checked with `lintPlaybook`), previews it live, and saves it as a new
 * version that becomes active on this browser. A managed (policy) playbook is shown read-only.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type Move, type Playbook, parsePlaybook, type Step } from '../../core/playbook';
import type { ActivePlaybooks } from '../../messaging/protocol';
import { t } from '../../shared/i18n';
import { KEYS } from '../../shared/storage-keys';
import { AbTestEditor } from './AbTestEditor';
import type { ConditionContext } from './ConditionEditor';
import { checkDraft, duplicateMove, duplicateStep, idFollowingTitle, newMove, newStep, renameStep, setConfirming } from './draft';
import { ErrorSummary } from './ErrorSummary';
import { ImportExport } from './ImportExport';
import { ItemList } from './ItemList';
import { moveKindLabel } from './labels';
import { Messages } from './Messages';
import { MoveEditor } from './MoveEditor';
import { issuesAt } from './paths';
import { PlaybookMeta } from './PlaybookMeta';
import { Preview } from './Preview';
import { focusPath } from './reveal';
import { SaveBar } from './SaveBar';
import { SourceBanner } from './SourceBanner';
import { StepEditor } from './StepEditor';
import { activePlaybook, loadPlaybookStore, writePlaybookStore } from './storage';
import { Versions } from './Versions';
import { clearCurrent, EMPTY_STORE, nextVersion, type PlaybookStore, restoreVersion, saveVersion, versionOf } from './versions';

type Status = { readonly kind: 'ok' | 'error'; readonly text: string } | null;

export function PlaybookEditor() {
  const [active, setActive] = useState<ActivePlaybooks | null>(null);
  const [store, setStore] = useState<PlaybookStore>(EMPTY_STORE);
  const [baseline, setBaseline] = useState<Playbook | null>(null);
  const [draft, setDraft] = useState<Playbook | null>(null);
  const [resetToken, setResetToken] = useState(0);
  const [resetB, setResetB] = useState(0);
  const [status, setStatus] = useState<Status>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reveal, setReveal] = useState<{ path: string; n: number } | null>(null);
  const lastValid = useRef<Playbook | null>(null);
  // Ids of the playbook as loaded, imported or restored: those never follow a title edit.
  const [savedIds, setSavedIds] = useState<ReadonlySet<string>>(new Set());

  // A team bundle's playbooks win over a local save too, so editing here would change nothing.
  const readOnly = active?.source === 'managed' || active?.source === 'bundle';
  const checked = useMemo(() => (draft ? checkDraft(draft) : null), [draft]);
  if (checked?.playbook) lastValid.current = checked.playbook;
  const baselineJson = useMemo(() => JSON.stringify(baseline), [baseline]);
  const dirty = draft !== null && JSON.stringify(draft) !== baselineJson;

  const state = useRef({ dirty, baselineJson });
  state.current = { dirty, baselineJson };

  /** Replaces the whole draft (lists get new keys); `saved` also makes it the unchanged state. */
  const replaceDraft = (pb: Playbook, saved: boolean) => {
    if (saved) setBaseline(pb);
    setDraft(pb);
    setSavedIds(new Set([...pb.checklist, ...pb.moves, ...(pb.abTest?.movesB ?? [])].map((x) => x.id)));
    setResetToken((n) => n + 1);
    setResetB((n) => n + 1);
  };

  const load = async () => {
    try {
      const [a, s] = await Promise.all([activePlaybook(), loadPlaybookStore()]);
      const parsed = parsePlaybook(a.playbooks[0]);
      setActive(a);
      setStore(s);
      if (parsed.ok) replaceDraft(parsed.playbook, true);
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  };

  useEffect(() => {
    void load();
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'managed') void load();
      if (area !== 'local' || !(KEYS.configChanged in changes)) return;
      void loadPlaybookStore().then((next) => {
        setStore(next);
        // Saved from another tab (or a bundle/policy arrived): follow it unless this tab has unsaved changes.
        if (!state.current.dirty && JSON.stringify(next.current) !== state.current.baselineJson) void load();
      });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  useEffect(() => {
    if (reveal === null) return;
    let tries = 0;
    const attempt = () => {
      // Items open on the next render; try a few frames before falling back to an enclosing field.
      if (focusPath(reveal.path) && tries > 0) return;
      if (++tries < 4) requestAnimationFrame(attempt);
    };
    requestAnimationFrame(attempt);
  }, [reveal]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (state.current.dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  if (loadError) return <p class="warn">{t('options_load_failed', loadError)}</p>;
  if (!active || !draft || !checked) return <p class="muted">{t('options_loading')}</p>;

  const errors = checked.errors;
  const warnings = checked.warnings;
  const allMoves = [...draft.moves, ...(draft.abTest?.movesB ?? [])];
  const ctx: ConditionContext = {
    issues: errors,
    warnings,
    steps: draft.checklist.map((s) => ({ id: s.id, title: s.title })),
    moves: allMoves.filter((m, i) => allMoves.findIndex((x) => x.id === m.id) === i).map((m) => ({ id: m.id, title: m.title })),
  };
  const version = nextVersion(store, draft.version);
  const blocked = readOnly
    ? t('options_save_blocked_managed')
    : errors.length > 0
      ? t('options_save_blocked_errors', errors.length)
      : !dirty
        ? t('options_save_blocked_clean')
        : null;
  const update = (pb: Playbook) => {
    setDraft(pb);
    setStatus(null);
  };

  const persist = async (compute: (latest: PlaybookStore) => { store: PlaybookStore; saved: Playbook | null } | null, message: (pb: Playbook | null) => string) => {
    try {
      const latest = await loadPlaybookStore();
      const r = compute(latest);
      if (r === null) return;
      await writePlaybookStore(r.store);
      setStore(r.store);
      const a = await activePlaybook();
      setActive(a);
      const inForce = parsePlaybook(a.playbooks[0]);
      const shown = r.saved ?? (inForce.ok ? inForce.playbook : null);
      if (shown) replaceDraft(shown, true);
      setStatus({ kind: 'ok', text: message(r.saved) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('options_save_failed', e instanceof Error ? e.message : String(e)) });
    }
  };
  const save = () => {
    const pb = checked.playbook;
    if (!pb || readOnly) return;
    void persist(
      (latest) => saveVersion(latest, pb, Date.now()),
      (saved) => t('options_saved_version', saved?.version ?? 0),
    );
  };

  const listProps = { errors, warnings, readOnly, reveal };
  const moveList = (moves: readonly Move[], basePath: string, token: number, onMoves: (m: Move[]) => void) => (
    <ItemList<Move>
      {...listProps}
      items={moves}
      onChange={onMoves}
      basePath={basePath}
      resetToken={token}
      label={basePath === 'moves' ? t('options_moves_title') : t('options_ab_moves_b', draft.abTest?.labelB ?? 'B')}
      titleOf={(m) => m.title}
      badgesOf={(m) => [moveKindLabel(m.kind), t('options_priority_badge', m.priority)]}
      create={() => newMove(moves, t('options_new_move'))}
      duplicate={(i) => duplicateMove(moves, i, t('options_copy_suffix'))}
      addLabel={t('options_add_move')}
      render={(m, path, set, i) => (
        <MoveEditor move={m} path={path} ctx={ctx} warnings={warnings} onChange={set} otherIds={moves.filter((_, j) => j !== i).map((x) => x.id)} savedIds={savedIds} />
      )}
    />
  );

  return (
    <div class="playbook-editor">
      <SourceBanner active={active} />
      {readOnly && <p class="warn">{t('options_managed_readonly')}</p>}
      <ErrorSummary errors={errors} onReveal={(path) => setReveal((r) => ({ path, n: (r?.n ?? 0) + 1 }))} />
      <div class="pb-layout">
        <div class="pb-main">
          <section class="card" aria-labelledby="pb-general">
            <h2 id="pb-general">{t('options_pb_general')}</h2>
            <fieldset class="plain" disabled={readOnly}>
              <PlaybookMeta draft={draft} ctx={ctx} onChange={update} />
            </fieldset>
          </section>
          <section class="card" aria-labelledby="pb-checklist">
            <h2 id="pb-checklist">{t('options_checklist_title')}</h2>
            <p class="hint">{t('options_checklist_hint')}</p>
            <Messages errors={issuesAt(errors, 'checklist')} />
            <ItemList<Step>
              {...listProps}
              items={draft.checklist}
              onChange={(checklist) => update({ ...draft, checklist })}
              basePath="checklist"
              resetToken={resetToken}
              label={t('options_checklist_title')}
              titleOf={(s) => s.title}
              badgesOf={(s) => [...(s.required ? [t('options_badge_required')] : []), ...(s.confirmsResolution ? [t('options_badge_confirms')] : [])]}
              create={() => newStep(draft.checklist, t('options_new_step'))}
              duplicate={(i) => duplicateStep(draft.checklist, i, t('options_copy_suffix'))}
              addLabel={t('options_add_step')}
              render={(s, path, set, index) => {
                return (
                  <StepEditor
                    step={s}
                    path={path}
                    ctx={ctx}
                    warnings={warnings}
                    onChange={set}
                    onRename={(id) => update(renameStep(draft, index, id))}
                    onTitle={(title) => {
                      const others = draft.checklist.filter((_, j) => j !== index).map((x) => x.id);
                      const renamed = renameStep(draft, index, idFollowingTitle(s, title, others, savedIds));
                      update({ ...renamed, checklist: renamed.checklist.map((x, j) => (j === index ? { ...x, title } : x)) });
                    }}
                    onConfirming={(on) => update({ ...draft, checklist: setConfirming(draft.checklist, index, on) })}
                  />
                );
              }}
            />
          </section>
          <section class="card" aria-labelledby="pb-moves">
            <h2 id="pb-moves">{t('options_moves_title')}</h2>
            <p class="hint">{t('options_moves_hint')}</p>
            <Messages errors={issuesAt(errors, 'moves')} />
            {moveList(draft.moves, 'moves', resetToken, (moves) => update({ ...draft, moves }))}
          </section>
          <section class="card" aria-labelledby="pb-ab">
            <h2 id="pb-ab">{t('options_ab_title')}</h2>
            <AbTestEditor
              draft={draft}
              issues={errors}
              readOnly={readOnly}
              onChange={(pb, replaced) => {
                update(pb);
                if (replaced) setResetB((n) => n + 1);
              }}
              movesB={
                draft.abTest &&
                moveList(draft.abTest.movesB, 'abTest.movesB', resetB, (movesB) => draft.abTest && update({ ...draft, abTest: { ...draft.abTest, movesB } }))
              }
            />
          </section>
          <SaveBar blocked={blocked} nextVersion={version} dirty={dirty} readOnly={readOnly} status={status} onSave={save} onDiscard={() => baseline && replaceDraft(baseline, true)} />
        </div>
        <div class="pb-side">
          <Preview playbook={checked.playbook ?? lastValid.current} stale={checked.playbook === null} />
        </div>
      </div>
      <Versions
        store={store}
        blockedReason={readOnly ? t('options_save_blocked_managed') : dirty ? t('options_versions_blocked_dirty') : null}
        onRestore={(v) =>
          void persist(
            (latest) => restoreVersion(latest, latest.history.findIndex((h) => versionOf(h) === v), Date.now()),
            (saved) => t('options_restored_version', saved?.version ?? 0),
          )
        }
        onUseDefault={() =>
          void persist(
            (latest) => ({ store: clearCurrent(latest), saved: null }),
            () => t('options_using_default'),
          )
        }
      />
      <ImportExport
        exportable={checked.playbook}
        readOnly={readOnly}
        onImport={(pb, warns, from) => {
          // Loaded for review, not saved: Save activates it as a new version.
          replaceDraft(pb, false);
          setStatus({ kind: 'ok', text: t('options_imported', from, pb.name, warns.length) });
          document.getElementById('pb-general')?.scrollIntoView({ block: 'start' });
        }}
      />
    </div>
  );
}
