import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../core/playbook';
import { clearCurrent, EMPTY_STORE, HISTORY_CAP, nextVersion, readPlaybookStore, restoreVersion, saveVersion, versionOf } from './versions';

describe('playbook versions', () => {
  it('reads any stored value as a store', () => {
    expect(readPlaybookStore(undefined)).toEqual(EMPTY_STORE);
    expect(readPlaybookStore([1])).toEqual(EMPTY_STORE);
    expect(readPlaybookStore({ current: { version: 2 }, history: 'x', savedAt: { 2: 5, 3: 'x' } })).toEqual({
      current: { version: 2 },
      history: [],
      savedAt: { 2: 5 },
    });
  });

  it('bumps the version past everything seen and keeps the previous one in the history', () => {
    const first = saveVersion(EMPTY_STORE, DEFAULT_PLAYBOOK, 1000);
    expect(first.saved.version).toBe(2); // the default is version 1
    expect(first.store.history).toEqual([]);
    const second = saveVersion(first.store, { ...first.saved, name: 'Renamed' }, 2000);
    expect(second.saved.version).toBe(3);
    expect(second.store.history).toEqual([first.saved]);
    expect(second.store.savedAt).toEqual({ 2: 1000, 3: 2000 });
    expect(nextVersion(second.store, 10)).toBe(11);
    expect(versionOf({ version: 'x' })).toBe(0);
  });

  it('caps the history, newest first, and forgets save times of dropped versions', () => {
    let store = EMPTY_STORE;
    for (let i = 0; i < HISTORY_CAP + 5; i++) store = saveVersion(store, DEFAULT_PLAYBOOK, i).store;
    expect(store.history).toHaveLength(HISTORY_CAP);
    expect(versionOf(store.current)).toBe(HISTORY_CAP + 6);
    expect(store.history.map(versionOf)).toEqual(Array.from({ length: HISTORY_CAP }, (_, i) => HISTORY_CAP + 5 - i));
    expect(Object.keys(store.savedAt)).toHaveLength(HISTORY_CAP + 1);
  });

  it('restores an old version as a new save', () => {
    const a = saveVersion(EMPTY_STORE, DEFAULT_PLAYBOOK, 1).store;
    const b = saveVersion(a, { ...DEFAULT_PLAYBOOK, name: 'B' }, 2).store;
    const r = restoreVersion(b, 0, 3);
    expect(r?.saved.version).toBe(4);
    expect(r?.saved.name).toBe(DEFAULT_PLAYBOOK.name);
    expect(r?.store.history.map(versionOf)).toEqual([3, 2]);
    expect(restoreVersion(b, 5, 3)).toBeNull();
    expect(restoreVersion({ ...b, history: [{ broken: true }] }, 0, 3)).toBeNull();
  });

  it('goes back to the built-in default keeping the current version restorable', () => {
    const a = saveVersion(EMPTY_STORE, DEFAULT_PLAYBOOK, 1).store;
    const cleared = clearCurrent(a);
    expect(cleared.current).toBeNull();
    expect(cleared.history.map(versionOf)).toEqual([2]);
    expect(clearCurrent(cleared)).toBe(cleared);
  });
});
