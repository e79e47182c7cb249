/**
 * insert.ts: adapters insert through it; the strategies come from whoever runs the adapters (the content
 * script points it at the lazy bundle). When they cannot be had, the answer says so, so the panel can copy
 * the text instead and tell the rep why.
 */
import { describe, expect, it } from 'vitest';
import { INSERT_UNLOADED, insertInto, provideInserter } from './insert';

const composer = { tagName: 'DIV' } as unknown as HTMLElement;

describe('insertInto', () => {
  it('says the insert code could not be loaded when no strategies come', async () => {
    provideInserter(async () => null);
    expect(await insertInto(composer, 'Hello')).toEqual({ inserted: false, reason: INSERT_UNLOADED });
  });

  it("hands the composer, the text and the adapter's order to the strategies, and returns their answer", async () => {
    const calls: unknown[] = [];
    provideInserter(async () => async (el, text, order) => {
      calls.push([el, text, order]);
      return { inserted: true, strategy: 'execCommand' };
    });
    expect(await insertInto(composer, 'Hello', ['native-setter'])).toEqual({ inserted: true, strategy: 'execCommand' });
    expect(calls).toEqual([[composer, 'Hello', ['native-setter']]]);
  });

  it('does not load the strategies when there is no composer', async () => {
    let asked = 0;
    provideInserter(async () => {
      asked++;
      return null;
    });
    expect(await insertInto(null, 'Hello')).toEqual({ inserted: false, reason: 'composer not found' });
    expect(asked).toBe(0);
  });
});
