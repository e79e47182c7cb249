/**
 * Saved playbooks on this browser: config store key `playbooks` = { current, history, savedAt } (see
 * src/background/playbooks.ts). Saving bumps the version and pushes the previous current playbook onto
 * the history (newest first, capped); restoring an old version is a new save with a new version number.
 */
import { type Playbook, parsePlaybook } from '../../core/playbook';

export const HISTORY_CAP = 20;

export interface PlaybookStore {
  readonly current: unknown | null;
  /** Newest first. */
  readonly history: readonly unknown[];
  /** Epoch ms each version was saved, by version number. */
  readonly savedAt: Readonly<Record<string, number>>;
}

export const EMPTY_STORE: PlaybookStore = { current: null, history: [], savedAt: {} };

/** Whatever is stored (nothing, an older shape, garbage) as a store; never throws. */
export function readPlaybookStore(raw: unknown): PlaybookStore {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return EMPTY_STORE;
  const r = raw as Record<string, unknown>;
  const savedAt: Record<string, number> = {};
  if (r.savedAt && typeof r.savedAt === 'object' && !Array.isArray(r.savedAt)) {
    for (const [k, v] of Object.entries(r.savedAt)) if (typeof v === 'number' && Number.isFinite(v)) savedAt[k] = v;
  }
  return {
    current: r.current ?? null,
    history: Array.isArray(r.history) ? r.history.slice(0, HISTORY_CAP) : [],
    savedAt,
  };
}

/** The `version` of a stored playbook, or 0 when it has none. */
export function versionOf(pb: unknown): number {
  const v = pb && typeof pb === 'object' ? (pb as { version?: unknown }).version : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0;
}

/** One more than any version this browser has seen (current, history, and the draft being saved). */
export function nextVersion(store: PlaybookStore, ...others: number[]): number {
  return Math.max(versionOf(store.current), ...store.history.map(versionOf), ...others, 0) + 1;
}

export interface Saved {
  readonly store: PlaybookStore;
  readonly saved: Playbook;
}

export function saveVersion(store: PlaybookStore, playbook: Playbook, now: number): Saved {
  const version = nextVersion(store, playbook.version);
  const saved: Playbook = { ...playbook, version };
  const history = (store.current === null ? store.history : [store.current, ...store.history]).slice(0, HISTORY_CAP);
  const kept = new Set([version, ...history.map(versionOf)].map(String));
  const savedAt: Record<string, number> = { [String(version)]: now };
  for (const [k, at] of Object.entries(store.savedAt)) if (kept.has(k) && k !== String(version)) savedAt[k] = at;
  return { store: { current: saved, history, savedAt }, saved };
}

/** Saves history entry `index` again as a new version; null when that entry is not a valid playbook. */
export function restoreVersion(store: PlaybookStore, index: number, now: number): Saved | null {
  const entry = store.history[index];
  if (entry === undefined) return null;
  const parsed = parsePlaybook(entry);
  return parsed.ok ? saveVersion(store, parsed.playbook, now) : null;
}

/** Back to the built-in playbook: the current one goes to the history so it can be restored. */
export function clearCurrent(store: PlaybookStore): PlaybookStore {
  if (store.current === null) return store;
  return { ...store, current: null, history: [store.current, ...store.history].slice(0, HISTORY_CAP) };
}
