/**
 * Runs inside the extension (Chromium's service worker, Firefox's extension tab): every record of one
 * store of the extension's IndexedDB. Passed to `evaluate` by both harnesses, so it must stay
 * self-contained (it is serialised as source). It never creates the database: a test that reads before
 * the extension has opened it aborts the upgrade, so the extension's own upgrade runs later.
 */
export function readStoreInExtension(store: string): Promise<unknown[]> {
  return new Promise<unknown[]>((resolveP, rejectP) => {
    const req = indexedDB.open('resolve-plus');
    let fresh = false;
    req.onupgradeneeded = () => {
      fresh = true;
      req.transaction?.abort();
    };
    req.onerror = () => (fresh ? resolveP([]) : rejectP(req.error));
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        return resolveP([]);
      }
      const all = db.transaction(store).objectStore(store).getAll();
      all.onsuccess = () => {
        db.close();
        resolveP(all.result);
      };
      all.onerror = () => rejectP(all.error);
    };
  });
}
