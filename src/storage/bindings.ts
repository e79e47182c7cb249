/**
 * Interaction bindings (see src/core/log/trust.ts): which origin and tabs the worker issued each
 * interaction id to, its recorded start, customer key and outbox-signing key. Kept in the extension's
 * own IndexedDB `config` store (key `interaction:<id>`), which content scripts cannot reach — unlike
 * `storage.local` — and which survives a browser restart, so the outbox drain can still check entries
 * left behind by a crash.
 */
import type { Binding } from '../core/log/trust';
import type { LogDB } from './open';

const PREFIX = 'interaction:';

export async function getBindings(db: LogDB, ids: readonly string[]): Promise<Map<string, Binding>> {
  const unique = [...new Set(ids)];
  const tx = db.transaction('config', 'readonly');
  const rows = await Promise.all(unique.map((id) => tx.store.get(PREFIX + id)));
  const out = new Map<string, Binding>();
  unique.forEach((id, i) => {
    const value = rows[i]?.value as Binding | undefined;
    if (value && value.interactionId === id) out.set(id, value);
  });
  return out;
}

export async function getBinding(db: LogDB, id: string): Promise<Binding | undefined> {
  return (await getBindings(db, [id])).get(id);
}

export async function putBinding(db: LogDB, b: Binding): Promise<void> {
  await db.put('config', { key: PREFIX + b.interactionId, value: b, updatedAt: Date.now() });
}

/** Retention: bindings issued before `cutoff` go with the records they guarded. */
export async function purgeBindingsBefore(db: LogDB, cutoff: number): Promise<number> {
  const tx = db.transaction('config', 'readwrite');
  let removed = 0;
  for await (const cursor of tx.store.iterate(IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`))) {
    const b = cursor.value.value as Binding | undefined;
    if (!b || typeof b.issuedAt !== 'number' || b.issuedAt < cutoff) {
      await cursor.delete();
      removed++;
    }
  }
  await tx.done;
  return removed;
}
