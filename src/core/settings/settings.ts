/**
 * Extension settings: defaults plus an append-only list of migrations (the webext-options-sync pattern).
 * Stored under one key in the worker's trusted config store (src/background/config.ts; `storage.local` before
 * that); `migrateSettings` turns any earlier shape into the current one.
 */
import { HELPDESK_IDS, type HelpdeskId } from '../ticket/types';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings {
  readonly schemaVersion: 3;
  readonly repId: string;
  readonly repName: string;
  readonly disabledSites: readonly HelpdeskId[];
  /** Admin-defined sites (validated by src/sites/adapters/custom.ts when used). */
  readonly customSites: readonly unknown[];
  readonly retentionDays: number;
  readonly theme: Theme;
  /** Write a UTF-8 byte-order mark in CSV exports so Excel shows accents. */
  readonly csvBom: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: 3,
  repId: '',
  repName: '',
  disabledSites: [],
  customSites: [],
  retentionDays: 180,
  theme: 'system',
  csvBom: true,
};

type Loose = Record<string, unknown>;

/**
 * Migration N turns schemaVersion N into N+1. Never edit a shipped step; append a new one.
 *   v1 {agentName, sites: {zendesk: true, …}, retention}
 *   v2 {repId, repName, enabledSites: string[], retentionDays}
 *   v3 current (disabledSites instead of enabledSites; theme; csvBom; customSites)
 */
export const MIGRATIONS: Readonly<Record<number, (s: Loose) => Loose>> = {
  1: (s) => {
    const sites = (s.sites ?? {}) as Record<string, boolean>;
    const name = typeof s.agentName === 'string' ? s.agentName : '';
    return {
      schemaVersion: 2,
      repId: name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, ''),
      repName: name,
      enabledSites: Object.keys(sites).filter((k) => sites[k]),
      retentionDays: s.retention,
    };
  },
  2: (s) => {
    const enabled = Array.isArray(s.enabledSites) ? (s.enabledSites as string[]) : [...HELPDESK_IDS];
    const { enabledSites: _e, ...rest } = s;
    return {
      ...rest,
      schemaVersion: 3,
      disabledSites: HELPDESK_IDS.filter((id) => id !== 'custom' && !enabled.includes(id)),
      theme: 'system',
      csvBom: true,
      customSites: [],
    };
  },
};

function clampInt(n: unknown, min: number, max: number, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
}

/** Accepts anything (an old shape, garbage) and returns valid current settings; never throws. */
export function migrateSettings(stored: unknown): Settings {
  let s: Loose = stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...(stored as Loose) } : {};
  let version = typeof s.schemaVersion === 'number' ? s.schemaVersion : Object.keys(s).length ? 1 : 3;
  while (version < DEFAULT_SETTINGS.schemaVersion) {
    const step = MIGRATIONS[version];
    if (!step) break;
    s = step(s);
    version = s.schemaVersion as number;
  }
  const str = (x: unknown, max: number) => (typeof x === 'string' ? x.slice(0, max) : '');
  return {
    schemaVersion: 3,
    repId: str(s.repId, 100),
    repName: str(s.repName, 100),
    disabledSites: Array.isArray(s.disabledSites)
      ? HELPDESK_IDS.filter((id) => (s.disabledSites as unknown[]).includes(id))
      : [],
    customSites: Array.isArray(s.customSites) ? (s.customSites as unknown[]).slice(0, 50) : [],
    retentionDays: clampInt(s.retentionDays, 1, 3650, DEFAULT_SETTINGS.retentionDays),
    theme: THEMES.includes(s.theme as Theme) ? (s.theme as Theme) : 'system',
    csvBom: typeof s.csvBom === 'boolean' ? s.csvBom : true,
  };
}
