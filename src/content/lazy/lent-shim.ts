/**
 * In the lazy bundle only (vite.content.config.ts aliases `preact`, `preact/jsx-runtime`, src/shared/i18n.ts
 * and src/content/panel/trusted.ts to this file): the main bundle's Preact factory, i18n lookup and input
 * guard, from the loan it left in our isolated world (lent.ts) before asking for this bundle.
 */
import { LENT_KEY, type Lent } from './lent';

const found = (window as unknown as Record<string, unknown>)[LENT_KEY] as Partial<Lent> | undefined;
// Only the main bundle's loan will do (a page element with this id shows through window's named
// properties when no loan was made): anything else stops this bundle before it renders a thing.
if (typeof found?.deliver !== 'function' || typeof found.jsx !== 'function') throw new Error('Resolve Plus: the lazy bundle runs only at the content script’s request');

export const lent = found as Lent;
export const { jsx, jsxs, Fragment, t, trusted } = lent;
