/**
 * Loads the lazy bundle (src/content/lazy/entry.ts) the first time something asks for it: the worker
 * injects its fixed file into this tab and frame (`content/lazy`, src/background/lazy-inject.ts). A load
 * that fails (the worker stopped, the tab cannot be scripted) is reported to the views, which say so where
 * they would be; asking again tries again.
 */
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { send } from '../../messaging/client';
import { t } from '../../shared/i18n';
import type { Inserter } from '../../sites/insert';
import type { FallbackSource } from '../../sites/resilient';
import { trusted } from '../panel/trusted';
import { LENT_KEY, type LazyParts, type Lent } from './lent';

export type LazyState = { readonly parts: LazyParts; readonly failed: false } | { readonly parts: null; readonly failed: boolean };

let state: LazyState = { parts: null, failed: false };
let loading: Promise<void> | null = null;
const listeners = new Set<(s: LazyState) => void>();

const set = (next: LazyState) => {
  state = next;
  for (const l of [...listeners]) l(state);
};

export const lazyState = (): LazyState => state;

/** Called on every change (arrival or failure); returns the unsubscribe. */
export function onLazyChange(listener: (s: LazyState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts loading unless the parts are here or on their way. */
export function requestLazy(): void {
  if (state.parts || loading) return;
  if (state.failed) set({ parts: null, failed: false });
  const lent: Lent = { jsx, jsxs, Fragment, t, trusted, deliver: (parts) => set({ parts, failed: false }) };
  // Our own property of our world's window: it shadows any page element named like it.
  (window as unknown as Record<string, unknown>)[LENT_KEY] = lent;
  loading = send('content/lazy', {})
    .then(
      // The injection has run by the time the worker answers: no parts now means they will not come.
      () => {
        if (!state.parts) set({ parts: null, failed: true });
      },
      () => set({ parts: null, failed: true }),
    )
    .finally(() => {
      loading = null;
    });
}

/** Loads the lazy bundle and resolves once it arrived or failed (never rejects). */
export function lazyArrival(): Promise<void> {
  return new Promise((resolve) => {
    const off = onLazyChange((s) => {
      if (!s.parts && !s.failed) return;
      off();
      resolve();
    });
    if (state.parts) {
      off();
      resolve();
    } else requestLazy();
  });
}

/** After a failed load, how long reads wait before a drifted page's fallbacks are asked for again. */
const FALLBACK_RETRY_MS = 10_000;

/** The generic fallbacks for resilient.ts: asked for once while on their way, and not on every read after a failure. */
export function genericFallbacks(): FallbackSource {
  let waiting = false;
  let failedAt = Number.NEGATIVE_INFINITY;
  return {
    get: () => state.parts?.generic ?? null,
    request(ready) {
      if (waiting || Date.now() - failedAt < FALLBACK_RETRY_MS) return;
      waiting = true;
      void lazyArrival().then(() => {
        waiting = false;
        if (state.parts) ready();
        else failedAt = Date.now();
      });
    },
  };
}

/**
 * The insert strategies for adapters (sites/insert.ts `provideInserter`). Moves (and their Insert) show only
 * after resolution, when the wrap-up has already entered the flow and asked for the lazy bundle: the first
 * Insert finds it here, or waits for the rest of that load. Null when it cannot load: the controller then
 * copies the text and says so, as when an editor refuses it.
 */
export async function lazyInserter(): Promise<Inserter | null> {
  if (!state.parts) await lazyArrival();
  return state.parts?.insert ?? null;
}
