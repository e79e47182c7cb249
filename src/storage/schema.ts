/**
 * The extension's IndexedDB schema (idb `DBSchema`) and its numbered upgrade steps. Each step only adds;
 * a test opens the database at every earlier version with data, upgrades, and checks every record.
 *   v1: events, interactions, attempts
 *   v2: wrapups store; customer-key indexes for the frequency cap
 *   v3: reviews store (team-lead review queue); attempts by move kind
 *   v4: `config` (trusted settings, playbooks, policy mirror, salt, team configuration — extension
 *       contexts only, never content scripts), `rejected` (events the worker refused, kept aside),
 *       `sync` (team-mode cursors: publish position, last pulled stream sequence)
 *   v5: drops the indexes nothing queries (every write paid for them: a team lead's first sync of 100,000
 *       events spent a third of its index entries on them): interactions by rep, helpdesk and customer;
 *       attempts by rep, helpdesk, move, outcome and kind. The dashboard filters in memory. Kept: events
 *       by interaction (ingest, timeline) and time (retention); interactions by start (retention,
 *       abandoned sweep); attempts by logged time (dashboard, options), interaction (timeline) and
 *       customer (frequency cap); wrapups and rejected by time.
 *   v6: `team-events`: events pulled from the team stream, one record per interaction (its events, merged
 *       by event id) instead of one per event — a lead's first sync of 100,000 events wrote 100,000 event
 *       records, three quarters of its write cost. Indexed by the earliest event's time (retention).
 *       Team events stored before v6 stay in `events`; every reader reads both (src/storage/team-log.ts).
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Attempt, Interaction, LogEvent, Review, Wrapup } from '../core/log/types';

export const DB_NAME = 'resolve-plus';
export const DB_VERSION = 6;

/** A team lead's rating of one offered attempt: the one shape is core's (src/core/log/types.ts). */
export type { Review } from '../core/log/types';

export interface ResolvePlusDB extends DBSchema {
  events: { key: string; value: LogEvent; indexes: { 'by-interaction': string; 'by-at': number } };
  interactions: {
    key: string;
    value: Interaction;
    indexes: { 'by-started': number };
  };
  attempts: {
    key: string;
    value: Attempt;
    indexes: { 'by-logged': number; 'by-interaction': string; 'by-customer': string };
  };
  wrapups: { key: string; value: Wrapup; indexes: { 'by-at': number } };
  reviews: { key: string; value: Review };
  /** Key → value; what each key holds is typed by the module that owns it (see src/storage/config-repo.ts). */
  config: { key: string; value: ConfigRow };
  rejected: { key: string; value: RejectedEvent; indexes: { 'by-at': number } };
  sync: { key: string; value: ConfigRow };
  'team-events': { key: string; value: TeamEventsRecord; indexes: { 'by-first': number } };
}

/** One interaction's events pulled from the team stream (v6): unique by event id inside the record. */
export interface TeamEventsRecord {
  readonly interactionId: string;
  /** The earliest event's time: retention finds the records that hold anything older than its cutoff. */
  readonly firstAt: number;
  readonly events: readonly LogEvent[];
}

export interface ConfigRow {
  readonly key: string;
  readonly value: unknown;
  readonly updatedAt: number;
}

/** An event the worker refused (invalid, foreign interaction, out of bounds): kept aside, never blocking. */
export interface RejectedEvent {
  /** The event's own id when it had one, else a generated one. */
  readonly id: string;
  readonly at: number;
  /** Why it was refused, for the options page's health and the export. */
  readonly reason: string;
  /** Where it came from: 'outbox', 'merge', 'team', … */
  readonly origin: string;
  /** The raw value, size-bounded (JSON text, ≤ 4,000 characters). */
  readonly raw: string;
}

type UpgradeTx = IDBPTransaction<ResolvePlusDB, StoreNames<ResolvePlusDB>[], 'versionchange'>;
type Step = (db: IDBPDatabase<ResolvePlusDB>, tx: UpgradeTx) => void;

/** Indexes created by steps v1–v3 and dropped by v5 (the typed schema no longer names them). */
export const DROPPED_INDEXES = {
  interactions: ['by-rep', 'by-helpdesk', 'by-customer'],
  attempts: ['by-rep', 'by-helpdesk', 'by-move', 'by-outcome', 'by-kind'],
} as const;

/** The earlier steps create indexes v5 drops: they are called through this untyped view of the store. */
type AnyIndexes = { createIndex(name: string, keyPath: string): unknown };
const legacy = (store: unknown) => store as AnyIndexes;

/** Append-only: step N turns version N-1 into version N. Never change what a shipped step does (the `legacy` casts only retype it). */
export const UPGRADE_STEPS: readonly Step[] = [
  // v1
  (db) => {
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('by-interaction', 'interactionId');
    events.createIndex('by-at', 'at');
    const interactions = db.createObjectStore('interactions', { keyPath: 'id' });
    interactions.createIndex('by-started', 'startedAt');
    legacy(interactions).createIndex('by-rep', 'repId');
    legacy(interactions).createIndex('by-helpdesk', 'helpdesk');
    const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
    attempts.createIndex('by-logged', 'loggedAt');
    legacy(attempts).createIndex('by-rep', 'repId');
    legacy(attempts).createIndex('by-helpdesk', 'helpdesk');
    legacy(attempts).createIndex('by-move', 'moveId');
    legacy(attempts).createIndex('by-outcome', 'outcome');
    attempts.createIndex('by-interaction', 'interactionId');
  },
  // v2
  (db, tx) => {
    const wrapups = db.createObjectStore('wrapups', { keyPath: 'interactionId' });
    wrapups.createIndex('by-at', 'at');
    legacy(tx.objectStore('interactions')).createIndex('by-customer', 'customerKey');
    tx.objectStore('attempts').createIndex('by-customer', 'customerKey');
  },
  // v3
  (db, tx) => {
    db.createObjectStore('reviews', { keyPath: 'attemptId' });
    legacy(tx.objectStore('attempts')).createIndex('by-kind', 'moveKind');
  },
  // v4
  (db) => {
    db.createObjectStore('config', { keyPath: 'key' });
    const rejected = db.createObjectStore('rejected', { keyPath: 'id' });
    rejected.createIndex('by-at', 'at');
    db.createObjectStore('sync', { keyPath: 'key' });
  },
  // v5
  (_db, tx) => {
    for (const [store, names] of Object.entries(DROPPED_INDEXES) as [keyof typeof DROPPED_INDEXES, readonly string[]][]) {
      const os = tx.objectStore(store);
      for (const name of names) if (os.indexNames.contains(name as never)) os.deleteIndex(name as never);
    }
  },
  // v6
  (db) => {
    db.createObjectStore('team-events', { keyPath: 'interactionId' }).createIndex('by-first', 'firstAt');
  },
];
