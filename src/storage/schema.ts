/**
 * The extension's IndexedDB schema (idb `DBSchema`) and its numbered upgrade steps. Each step only adds;
 * a test opens the database at every earlier version with data, upgrades, and checks every record.
 *   v1: events, interactions, attempts
 *   v2: wrapups store; customer-key indexes for the frequency cap
 *   v3: reviews store (team-lead review queue); attempts by move kind
 *   v4: `config` (trusted settings, playbooks, policy mirror, salt, team configuration — extension
 *       contexts only, never content scripts), `rejected` (events the worker refused, kept aside),
 *       `sync` (team-mode cursors: publish position, last pulled stream sequence)
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Attempt, Interaction, LogEvent, Review, Wrapup } from '../core/log/types';

export const DB_NAME = 'resolve-plus';
export const DB_VERSION = 4;

/** A team lead's rating of one offered attempt: the one shape is core's (src/core/log/types.ts). */
export type { Review } from '../core/log/types';

export interface ResolvePlusDB extends DBSchema {
  events: { key: string; value: LogEvent; indexes: { 'by-interaction': string; 'by-at': number } };
  interactions: {
    key: string;
    value: Interaction;
    indexes: { 'by-started': number; 'by-rep': string; 'by-helpdesk': string; 'by-customer': string };
  };
  attempts: {
    key: string;
    value: Attempt;
    indexes: {
      'by-logged': number;
      'by-rep': string;
      'by-helpdesk': string;
      'by-move': string;
      'by-outcome': string;
      'by-interaction': string;
      'by-customer': string;
      'by-kind': string;
    };
  };
  wrapups: { key: string; value: Wrapup; indexes: { 'by-at': number } };
  reviews: { key: string; value: Review };
  /** Key → value; what each key holds is typed by the module that owns it (see src/storage/config-repo.ts). */
  config: { key: string; value: ConfigRow };
  rejected: { key: string; value: RejectedEvent; indexes: { 'by-at': number } };
  sync: { key: string; value: ConfigRow };
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

/** Append-only: step N turns version N-1 into version N. Never edit a step that has shipped. */
export const UPGRADE_STEPS: readonly Step[] = [
  // v1
  (db) => {
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('by-interaction', 'interactionId');
    events.createIndex('by-at', 'at');
    const interactions = db.createObjectStore('interactions', { keyPath: 'id' });
    interactions.createIndex('by-started', 'startedAt');
    interactions.createIndex('by-rep', 'repId');
    interactions.createIndex('by-helpdesk', 'helpdesk');
    const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
    attempts.createIndex('by-logged', 'loggedAt');
    attempts.createIndex('by-rep', 'repId');
    attempts.createIndex('by-helpdesk', 'helpdesk');
    attempts.createIndex('by-move', 'moveId');
    attempts.createIndex('by-outcome', 'outcome');
    attempts.createIndex('by-interaction', 'interactionId');
  },
  // v2
  (db, tx) => {
    const wrapups = db.createObjectStore('wrapups', { keyPath: 'interactionId' });
    wrapups.createIndex('by-at', 'at');
    tx.objectStore('interactions').createIndex('by-customer', 'customerKey');
    tx.objectStore('attempts').createIndex('by-customer', 'customerKey');
  },
  // v3
  (db, tx) => {
    db.createObjectStore('reviews', { keyPath: 'attemptId' });
    tx.objectStore('attempts').createIndex('by-kind', 'moveKind');
  },
  // v4
  (db) => {
    db.createObjectStore('config', { keyPath: 'key' });
    const rejected = db.createObjectStore('rejected', { keyPath: 'id' });
    rejected.createIndex('by-at', 'at');
    db.createObjectStore('sync', { keyPath: 'key' });
  },
];
