/**
 * What adapters call to insert into a composer. The strategies themselves (insert-strategies.ts) run only
 * on Insert, so they come with the lazy bundle: whoever runs the adapters (the content script) says how to
 * get them with `provideInserter`. Adapters stay unaware of the worker and the panel.
 */
import type { InsertResult, InsertStrategy } from './adapter';

/** `order` absent: the strategies pick by the element's kind (a textarea's value setter first, typing for rich editors). */
export type Inserter = (el: HTMLElement, text: string, order?: readonly InsertStrategy[]) => Promise<InsertResult>;

/** The reason an insert gives when the strategies could not be loaded (the caller says so). */
export const INSERT_UNLOADED = 'insert code not loaded';

let getInserter: () => Promise<Inserter | null> = async () => null;

/** Sets how the strategies are obtained (null: they could not be loaded). */
export function provideInserter(get: () => Promise<Inserter | null>): void {
  getInserter = get;
}

export async function insertInto(el: HTMLElement | null, text: string, order?: readonly InsertStrategy[]): Promise<InsertResult> {
  if (!el) return { inserted: false, reason: 'composer not found' };
  const insert = await getInserter();
  // The caller falls back to the clipboard and says so, as when the editor refuses.
  return insert ? insert(el, text, order) : { inserted: false, reason: INSERT_UNLOADED };
}
