/**
 * How much work each figure does. `FULL` is `npm run bench` (must finish in < 10 min on 2 cores,
 * build included); `BENCH_SHORT=1` cuts the 30 s mutation flood and the other long loops; `SMOKE` is the
 * `npm test` check that the harness still runs (sizes too small for the numbers to mean anything).
 */
export interface Sizes {
  readonly name: 'full' | 'short' | 'smoke';
  /** Fig. 2: page loads, and elements in the injected ticket pane. */
  readonly panelRuns: number;
  readonly paneNodes: number;
  /** Fig. 3: alternating windows (extension page, then baseline page), seconds each; total = windows × seconds per side. */
  readonly floodWindows: number;
  readonly floodSeconds: number;
  readonly mutationsPerSecond: number;
  /** Fig. 4. */
  readonly clicks: number;
  /** Fig. 5: runs × milliseconds per run. */
  readonly evalRuns: number;
  readonly evalMs: number;
  /** Fig. 6: paced phase (seconds at `logRate` events/s) and throughput phase (events per run, runs). */
  readonly logSeconds: number;
  readonly logRate: number;
  readonly throughputEvents: number;
  readonly throughputRuns: number;
  /** Fig. 7: attempts seeded (about three per interaction); first-render repeats. */
  readonly dashboardAttempts: number;
  readonly dashboardRuns: number;
  /** Fig. 8: attempts exported in Node, runs. */
  readonly csvAttempts: number;
  readonly csvRuns: number;
  /** Fig. 9: ticket switches. */
  readonly switches: number;
  /** Fig. 10: give up waiting for the worker to stop after this long. */
  readonly idleCapSeconds: number;
  /** Fig. 11: loads per helpdesk fixture, with and without the extension each. */
  readonly pageLoadRuns: number;
  /** Fig. 7c: options page loads. */
  readonly optionsRuns: number;
}

export const FULL: Sizes = {
  name: 'full',
  panelRuns: 10,
  paneNodes: 5_000,
  // An even count: windows alternate which side floods first, so each side leads equally often.
  floodWindows: 6,
  floodSeconds: 8,
  mutationsPerSecond: 1_000,
  clicks: 50,
  evalRuns: 7,
  evalMs: 1_000,
  logSeconds: 10,
  logRate: 1_000,
  throughputEvents: 10_000,
  throughputRuns: 5,
  dashboardAttempts: 100_000,
  dashboardRuns: 5,
  csvAttempts: 100_000,
  csvRuns: 5,
  switches: 1_000,
  idleCapSeconds: 150,
  pageLoadRuns: 40,
  optionsRuns: 7,
};

export const SHORT: Sizes = { ...FULL, name: 'short', floodWindows: 1, floodSeconds: 5, logSeconds: 3, throughputRuns: 2, switches: 300 };

export const SMOKE: Sizes = {
  name: 'smoke',
  panelRuns: 1,
  paneNodes: 1_000,
  floodWindows: 1,
  floodSeconds: 2,
  mutationsPerSecond: 1_000,
  clicks: 3,
  evalRuns: 2,
  evalMs: 100,
  logSeconds: 1,
  logRate: 1_000,
  throughputEvents: 1_000,
  throughputRuns: 1,
  dashboardAttempts: 1_000,
  dashboardRuns: 1,
  csvAttempts: 1_000,
  csvRuns: 1,
  switches: 10,
  idleCapSeconds: 75,
  pageLoadRuns: 1,
  optionsRuns: 1,
};

export function sizesFromEnv(env = process.env): Sizes {
  return env.BENCH_SHORT === '1' ? SHORT : FULL;
}

export type Log = (line: string) => void;
