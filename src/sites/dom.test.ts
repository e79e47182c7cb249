// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { loadFixture, parseHtml } from '../../test/unit/fixture';
import { LIMITS } from '../core/ticket/sanitize';
import { zendesk } from './adapters/zendesk';
import { $, $$, lastMatches } from './dom';

/** A random subtree: tags and classes from small sets so selectors match, nest and miss. */
interface Node {
  tag: 'div' | 'article' | 'span';
  cls: '' | 'm' | 'x';
  kids: Node[];
}
const node: fc.Memo<Node> = fc.memo((depth) =>
  fc.record({
    tag: fc.constantFrom('div' as const, 'article' as const, 'span' as const),
    cls: fc.constantFrom('' as const, 'm' as const, 'x' as const),
    kids: depth > 1 ? fc.array(node(depth - 1), { maxLength: 4 }) : fc.constant([]),
  }),
);
let serial = 0;
const html = (n: Node): string => `<${n.tag} class="${n.cls}" id="n${serial++}">${n.kids.map(html).join('')}</${n.tag}>`;

describe('lastMatches: the last n matches without reading the whole log', () => {
  it('is exactly querySelectorAll(...).slice(-n), nested matches and fallbacks included', () => {
    const selectors = ['.m', 'article', 'div.m', 'article .m', '.x > .m', 'span', 'nope', ':scope > .m', '[bad'];
    fc.assert(
      fc.property(node(4), fc.constantFrom(...selectors), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 60 }), (tree, selector, n, budget) => {
        const root = parseHtml(`<body><main>${html(tree)}</main></body>`).querySelector('main') as Element;
        const expected = $$(root, selector).slice(-n).map((el) => el.id);
        expect(lastMatches(root, selector, n, budget).map((el) => el.id)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('an invalid selector reads nothing rather than throwing', () => {
    const root = parseHtml('<body><main><p>a</p></main></body>').querySelector('main') as Element;
    expect(lastMatches(root, 'p[', 5)).toEqual([]);
  });

  it('on a log of 2,000 messages visits only the tail', () => {
    const doc = parseHtml(`<body><main>${'<article><p>x</p><p>y</p></article>'.repeat(2_000)}</main></body>`);
    const root = $(doc, 'main') as Element;
    const spy = vi.spyOn(Element.prototype, 'matches');
    let calls = 0;
    try {
      expect(lastMatches(root, 'article', 50)).toHaveLength(50);
    } finally {
      calls = spy.mock.calls.length;
      spy.mockRestore();
    }
    // 50 articles and their 2 paragraphs each, not 6,000 elements.
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(150);
  });
});

describe('an adapter reading a long streaming log', () => {
  it('keeps the last 50 messages in order, roles intact, on a thread of 2,000', () => {
    const doc = loadFixture('zendesk/ticket.html');
    const log = $(doc, '[data-is-active="true"] [data-test-id="omni-log-container"]') as Element;
    for (let i = 0; i < 2_000; i++) {
      const a = doc.createElement('article');
      a.setAttribute('data-test-author-type', i % 3 === 0 ? 'agent' : 'end-user');
      a.innerHTML = `<div data-test-id="omni-log-item-sender">x</div><div data-test-id="omni-log-message-content">Message ${i}</div>`;
      log.append(a);
    }
    const { context } = zendesk.read(doc, new URL('https://acme.zendesk.com/agent/tickets/4521'));
    const want = Array.from({ length: LIMITS.messages }, (_, k) => 2_000 - LIMITS.messages + k);
    expect(context?.messages.map((m) => m.text)).toEqual(want.map((i) => `Message ${i}`));
    expect(context?.messages.map((m) => m.role)).toEqual(want.map((i) => (i % 3 === 0 ? 'agent' : 'customer')));
  });
});
