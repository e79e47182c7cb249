/**
 * The meeting point of the content script's two bundles, in our isolated world (the page's `window` is
 * another world and never sees it). The main bundle LENDS the lazy bundle what must exist once per tab —
 * Preact's element factory (one Preact: its vnodes must belong to the renderer that mounts them), the
 * i18n lookup and the input guard (`trusted`, which holds the panel's guard) — and the lazy bundle hands
 * its parts back through `deliver`. Types only here: the values live in load.ts (main) and in
 * lazy/entry.ts (lazy).
 */
import type { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import type { t } from '../../shared/i18n';
import type { GenericFallbacks } from '../../sites/generic';
import type { Inserter } from '../../sites/insert';
import type { trusted } from '../panel/trusted';
import type { KeyList } from '../panel/KeyList';
import type { OutcomePrompt } from '../panel/OutcomePrompt';
import type { WrapupBody } from '../panel/WrapupBody';

/** The property of our world's `window` holding the loan. */
export const LENT_KEY = '__resolvePlusLent';

export interface Lent {
  readonly jsx: typeof jsx;
  readonly jsxs: typeof jsxs;
  readonly Fragment: typeof Fragment;
  readonly t: typeof t;
  readonly trusted: typeof trusted;
  readonly deliver: (parts: LazyParts) => void;
}

/** What the lazy bundle brings. */
export interface LazyParts {
  readonly generic: GenericFallbacks;
  readonly WrapupBody: typeof WrapupBody;
  readonly KeyList: typeof KeyList;
  readonly OutcomePrompt: typeof OutcomePrompt;
  /** The insert strategies (insert-strategies.ts): they run only when the rep presses Insert. */
  readonly insert: Inserter;
  /** The rules of these views (lazy-styles.ts), added to the panel's stylesheet on arrival. */
  readonly css: string;
}
