/**
 * Raw IndexedDB requests and transactions as promises, for the write paths that queue their requests
 * without awaiting each one (idb's wrappers would add a microtask hop per request): ingest.ts, team-log.ts.
 */

/** One request's result. */
export function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

/** The transaction's commit, or its failure with the failed request's own error. */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // The failed request's own error (ConstraintError…): `tx.error` is only set once the abort follows.
    tx.onerror = (ev) => reject((ev.target as IDBRequest | null)?.error ?? tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
  });
}
