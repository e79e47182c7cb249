/**
 * The team-lead dashboard. Loads in two steps so the first screen never waits for a big log: the newest
 * attempts through a cursor first (rendered at once), then everything in pages for metrics and filters.
 * Performance marks for the benchmark: `rp:first-rows`, `rp:all-loaded`, `rp:filter-applied`.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Attempt, Interaction, Wrapup } from '../../core/log/types';
import { compileFilter } from '../../core/metrics/filter';
import { type SortDir, type SortKey, sortAttempts } from '../../core/metrics/sort';
import { t } from '../../shared/i18n';
import type { Review } from '../../storage/schema';
import { loadLog, newestAttempts, readDb } from './db';
import { Export } from './Export';
import { Filters } from './Filters';
import { formatCount } from './format';
import { Import } from './Import';
import { Metrics } from './Metrics';
import { AbResults } from './AbResults';
import { PeriodBar } from './PeriodBar';
import { localToday, previousFilter, type Slice, viewSlice } from './period-view';
import { RepsTable } from './RepsTable';
import { ReviewQueue } from './ReviewQueue';
import { useSettings } from './settings';
import { StorageBanner } from './StorageBanner';
import { ATTEMPT_GRID_LAYOUT, GRID_COLUMNS } from './columns';
import { INTERACTION_COLUMNS, INTERACTION_GRID_LAYOUT } from './interaction-columns';
import { countsByInteraction, type InteractionListRow, interactionList, newestFirst } from './interaction-rows';
import { Table } from './Table';
import { Timeline } from './Timeline';
import { TrendChart } from './TrendChart';
import { TeamSection } from './TeamSection';
import { bySource, type SourceFilter } from './source-filter';
import { teamPullIfEnabled } from '../team/sync';
import { EMPTY_FILTER, type FilterState, filterInteractions, filterOptions, isFiltered, toAttemptFilter } from './view-filter';

/** Rows read before the first render: a screenful and a bit, so scrolling works before the rest arrives. */
const FIRST_PAGE = 100;

type Phase = 'opening' | 'preview' | 'ready' | 'error';

const attemptKey = (a: Attempt) => a.id;
const interactionKey = (row: InteractionListRow) => row.i.id;

interface Rest {
  readonly interactions: Interaction[];
  readonly wrapups: Wrapup[];
}

function Section({ id, title, children, wide }: { id: string; title: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <section class={wide ? 'card wide' : 'card'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function App() {
  const settings = useSettings();
  const [phase, setPhase] = useState<Phase>('opening');
  const [error, setError] = useState('');
  const [loadedAttempts, setAttempts] = useState<Attempt[]>([]);
  const [stored, setStored] = useState<number | null>(null);
  const [loadedRest, setRest] = useState<Rest>({ interactions: [], wrapups: [] });
  // Team section's source filter (this browser / team / imported) applies before every other view.
  const [source, setSource] = useState<SourceFilter>('all');
  const attempts = useMemo(() => bySource(loadedAttempts, source), [loadedAttempts, source]);
  const rest = useMemo<Rest>(() => {
    if (source === 'all') return loadedRest;
    const interactions = bySource(loadedRest.interactions, source);
    const ids = new Set(interactions.map((i) => i.id));
    return { interactions, wrapups: loadedRest.wrapups.filter((w) => ids.has(w.interactionId)) };
  }, [loadedRest, source]);
  const [reviews, setReviews] = useState<ReadonlyMap<string, Review>>(new Map());
  const [refreshing, setRefreshing] = useState(false);
  const [filterState, setFilterState] = useState<FilterState>(EMPTY_FILTER);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'time', dir: 'desc' });
  const [openId, setOpenId] = useState<string | null>(null);
  const filterPending = useRef(false);
  const [compare, setCompare] = useState(false);
  const today = useMemo(() => localToday(), []);

  const loadAll = useCallback(async () => {
    const db = await readDb();
    const log = await loadLog(db);
    setAttempts(log.attempts);
    setStored(log.attempts.length);
    // Newest first once here: filtering keeps the order, so the interactions grid never sorts again.
    setRest({ interactions: newestFirst(log.interactions), wrapups: log.wrapups });
    setReviews(new Map(log.reviews.map((r) => [r.attemptId, r])));
    setPhase('ready');
  }, []);

  useEffect(() => {
    let live = true;
    (async () => {
      const db = await readDb();
      const [first, count] = await Promise.all([newestAttempts(db, FIRST_PAGE), db.count('attempts')]);
      if (!live) return;
      setAttempts(first);
      setStored(count);
      setPhase('preview');
      // Let the first rows paint before the full read starts competing for the thread.
      await new Promise((r) => setTimeout(r, 0));
      if (live) await loadAll();
    })().catch((e: unknown) => {
      if (!live) return;
      setError(e instanceof Error ? e.message : String(e));
      setPhase('error');
    });
    return () => {
      live = false;
    };
  }, [loadAll]);

  const refresh = async () => {
    setRefreshing(true);
    try {
      await teamPullIfEnabled();
      await loadAll();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRefreshing(false);
    }
  };

  // Sorted once per sort or load; a filter then keeps that order in one pass (cheap at 100k).
  const sorted = useMemo(() => sortAttempts(attempts, sort.key, sort.dir), [attempts, sort]);
  const filter = useMemo(() => toAttemptFilter(filterState), [filterState]);
  const shown = useMemo(() => sorted.filter(compileFilter(filter)), [sorted, filter]);
  const options = useMemo(() => filterOptions(attempts), [attempts]);
  const filtered = isFiltered(filterState);
  // The table answers a filter change first; metrics, charts and the interaction list (whole passes
  // over up to 100k rows) follow one task later, so the rows the lead is looking at update at once.
  const [settled, setSettled] = useState({ shown, filter, filtered });
  useEffect(() => {
    const id = setTimeout(() => setSettled({ shown, filter, filtered }), 0);
    return () => clearTimeout(id);
  }, [shown, filter, filtered]);
  const interactions = useMemo(
    () => (settled.filtered ? filterInteractions(rest.interactions, settled.filter, settled.shown) : rest.interactions),
    [rest.interactions, settled],
  );
  const wrapups = useMemo(() => {
    if (!settled.filtered) return rest.wrapups;
    const ids = new Set(interactions.map((i) => i.id));
    return rest.wrapups.filter((w) => ids.has(w.interactionId));
  }, [rest.wrapups, interactions, settled.filtered]);

  const current: Slice = useMemo(() => ({ attempts: settled.shown, interactions, wrapups }), [settled.shown, interactions, wrapups]);
  // The previous period follows one task after the filter, like the metrics: the table answers first.
  const [previousState, setPreviousState] = useState<FilterState | null>(null);
  useEffect(() => {
    const id = setTimeout(() => setPreviousState(compare ? previousFilter(filterState) : null), 0);
    return () => clearTimeout(id);
  }, [compare, filterState]);
  const previous: Slice | null = useMemo(
    () => (previousState ? viewSlice({ attempts, interactions: rest.interactions, wrapups: rest.wrapups }, previousState) : null),
    [previousState, attempts, rest],
  );
  const onOpenRep = useCallback((repId: string) => {
    filterPending.current = true;
    setFilterState((s) => ({ ...s, rep: repId }));
    document.getElementById('rp-filters-top')?.scrollIntoView({ block: 'start' });
  }, []);

  const marked = useRef({ first: false, all: false });
  useLayoutEffect(() => {
    if (phase === 'opening' || phase === 'error') return;
    if (!marked.current.first) {
      marked.current.first = true;
      performance.mark('rp:first-rows');
    }
    if (phase === 'ready' && !marked.current.all) {
      marked.current.all = true;
      performance.mark('rp:all-loaded');
    }
  }, [phase]);
  useLayoutEffect(() => {
    if (!filterPending.current) return;
    filterPending.current = false;
    performance.mark('rp:filter-applied');
  }, [shown]);

  const onFilter = useCallback((patch: Partial<FilterState>) => {
    filterPending.current = true;
    setFilterState((s) => ({ ...s, ...patch }));
  }, []);
  const onSort = useCallback((key: SortKey) => {
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'time' ? 'desc' : 'asc' }));
  }, []);
  const onOpen = useCallback((a: Attempt) => setOpenId(a.interactionId), []);
  const onOpenInteraction = useCallback((row: InteractionListRow) => setOpenId(row.i.id), []);
  const counts = useMemo(() => countsByInteraction(attempts), [attempts]);
  const interactionRows = useMemo(() => interactionList(interactions, counts), [interactions, counts]);
  const onReviewSaved = useCallback((r: Review) => setReviews((m) => new Map(m).set(r.attemptId, r)), []);
  const ready = phase === 'ready';

  return (
    <main class="dashboard" data-state={phase}>
      <header class="page-head">
        <h1>{t('dashboard_title')}</h1>
        <div class="row">
          <span class="muted" role="status">
            {phase === 'opening'
              ? t('dash_loading')
              : phase === 'preview'
                ? t('dash_loading_rest', formatCount(attempts.length), formatCount(stored ?? 0))
                : phase === 'ready'
                  ? t('dash_loaded', formatCount(attempts.length), formatCount(rest.interactions.length))
                  : ''}
          </span>
          <button type="button" disabled={!ready || refreshing} onClick={refresh}>
            {refreshing ? t('dash_refreshing') : t('dash_refresh')}
          </button>
        </div>
      </header>
      <StorageBanner />
      {phase === 'error' && (
        <p class="banner warn" role="alert">
          {t('dash_load_error', error)}
        </p>
      )}
      <div id="rp-filters-top" />
      <PeriodBar value={filterState} today={today} compare={compare} onChange={onFilter} onCompare={setCompare} />
      <p class="print-only">{t('lead_report_period', filterState.from || '—', filterState.to || '—', filterState.rep || t('lead_all_reps'))}</p>
      <Section id="rp-team" title={t('dash_team')}>
        <TeamSection source={source} onSource={setSource} onSynced={loadAll} />
      </Section>
      <Filters value={filterState} options={options} onChange={onFilter} />
      <Section id="rp-attempts" title={t('dashboard_attempts')}>
        <p class="muted small">
          {filtered ? t('dash_showing_filtered', formatCount(shown.length), formatCount(attempts.length)) : t('dash_showing', formatCount(shown.length))}
        </p>
        <Table
          rows={shown}
          columns={GRID_COLUMNS}
          rowKey={attemptKey}
          sort={sort}
          onSort={onSort}
          onOpen={onOpen}
          labelledBy="rp-attempts"
          idPrefix="rp-row"
          help={t('dash_grid_help')}
          layout={ATTEMPT_GRID_LAYOUT}
        />
        {phase !== 'opening' && shown.length === 0 && <p class="empty">{attempts.length === 0 ? t('dash_empty_log') : t('dash_no_match')}</p>}
      </Section>
      <Section id="rp-interactions" title={t('dashboard_interactions')}>
        <p class="muted small">
          {filtered
            ? t('dash_interactions_filtered', formatCount(interactionRows.length), formatCount(rest.interactions.length))
            : t('dash_interactions_showing', formatCount(interactionRows.length))}
        </p>
        <Table
          rows={interactionRows}
          columns={INTERACTION_COLUMNS}
          rowKey={interactionKey}
          onOpen={onOpenInteraction}
          labelledBy="rp-interactions"
          idPrefix="rp-irow"
          help={t('dash_interactions_help')}
          layout={INTERACTION_GRID_LAYOUT}
        />
      </Section>
      <Section id="rp-metrics" title={t('dash_metrics')}>
        {ready ? <Metrics attempts={settled.shown} interactions={interactions} wrapups={wrapups} allAttempts={attempts} previous={previous} /> : <p class="muted">{t('dash_loading')}</p>}
        {filtered && ready && <p class="muted small">{t('dash_metrics_filter_note')}</p>}
      </Section>
      <Section id="rp-reps" title={t('lead_reps')}>
        {ready ? <RepsTable current={current} previous={previous} onOpenRep={onOpenRep} /> : <p class="muted">{t('dash_loading')}</p>}
      </Section>
      <Section id="rp-ab" title={t('lead_ab')}>
        {ready ? <AbResults current={current} previous={previous} /> : <p class="muted">{t('dash_loading')}</p>}
      </Section>
      <Section id="rp-trend" title={t('dash_trend')}>
        {ready ? <TrendChart attempts={settled.shown} /> : <p class="muted">{t('dash_loading')}</p>}
      </Section>
      <Section id="rp-review" title={t('dash_review')}>
        {ready ? (
          <ReviewQueue attempts={settled.shown} allAttempts={attempts} reviews={reviews} bom={settings.csvBom} onSaved={onReviewSaved} onOpen={onOpen} />
        ) : (
          <p class="muted">{t('dash_loading')}</p>
        )}
      </Section>
      <div class="two-col">
        <Section id="rp-export" title={t('dash_export')}>
          <Export attempts={shown} interactions={interactions} allAttempts={attempts} wrapups={rest.wrapups} bomDefault={settings.csvBom} ready={ready} />
        </Section>
        <Section id="rp-import" title={t('dash_import')}>
          <Import onImported={refresh} />
        </Section>
      </div>
      {openId !== null && <Timeline interactionId={openId} onClose={() => setOpenId(null)} />}
    </main>
  );
}
