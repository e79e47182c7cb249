/** The dashboard's source filter: where a record came from (`source` on interactions and attempts). */
export const SOURCE_FILTERS = ['all', 'local', 'team', 'imported'] as const;
export type SourceFilter = (typeof SOURCE_FILTERS)[number];

/** 'local' = this browser, 'team' = pulled from the team stream, anything else = an imported file's name. */
export function matchesSource(filter: SourceFilter, source: string): boolean {
  if (filter === 'all') return true;
  if (filter === 'imported') return source !== 'local' && source !== 'team';
  return source === filter;
}

export function bySource<T extends { readonly source: string }>(rows: T[], filter: SourceFilter): T[] {
  return filter === 'all' ? rows : rows.filter((r) => matchesSource(filter, r.source));
}
