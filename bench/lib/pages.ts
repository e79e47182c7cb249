/**
 * Zendesk-shaped pages for the content-script figures, served at a host the manifest matches
 * (`bench.zendesk.com`) and, for baselines, the same bytes at one it does not (`bench.example.com`).
 * The shapes follow test/fixtures/zendesk/ticket.html (data-test-id hooks, `data-is-active` panes).
 */
export const BENCH_ORIGIN = 'https://bench.zendesk.com';
export const BASELINE_ORIGIN = 'https://bench.example.com';
export const ticketUrl = (origin: string, id: string | number) => `${origin}/agent/tickets/${id}`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const CUSTOMER_LINES = [
  'Hi, my blender arrived with a cracked jug. I only bought it last week.',
  'Great, thanks. How do I make smoothies without ice jamming the blades?',
  'The export button does nothing when I pick last quarter.',
  'Is there a way to get the invoices for all my stores at once?',
];
const AGENT_LINES = [
  "I'm sorry about that. I've sent a replacement jug by express; it will arrive Thursday.",
  'Thanks for waiting, I have checked your account and fixed the billing address.',
];

/** One conversation entry: 3 elements (article, sender, content). */
export function articleHtml(i: number): string {
  const customer = i % 2 === 0;
  const line = customer ? CUSTOMER_LINES[i % CUSTOMER_LINES.length]! : AGENT_LINES[i % AGENT_LINES.length]!;
  return `<article data-test-author-type="${customer ? 'end-user' : 'agent'}"><div data-test-id="omni-log-item-sender">${customer ? 'Maria Lopez' : 'Sam (Acme)'}</div><div data-test-id="omni-log-message-content">${esc(line)} (#${i})</div></article>`;
}

/** A ticket pane of about `elements` elements, most of them in the conversation log. */
export function paneHtml(id: string, elements: number, active = true): string {
  const fixed = 24; // pane, fields, header, composer
  const articles = Math.max(4, Math.floor((elements - fixed) / 3));
  const log: string[] = [];
  for (let i = 0; i < articles; i++) log.push(articleHtml(i));
  return `<div class="ticket-panes-grid-layout" data-is-active="${active}" data-side-conversations-anchor-id="${esc(id)}">
  <aside class="fields">
    <label>Requester</label>
    <div data-test-id="ticket-system-field-requester-menu" data-requester-email="maria.lopez+${esc(id)}@example.com">Maria Lopez</div>
    <label>Status</label><span data-test-id="ticket-status-badge">Open</span>
    <label>Product</label>
    <div data-test-id="ticket-form-field-product"><div data-garden-id="dropdowns.select">Acme Blender Pro</div></div>
    <label>Tags</label>
    <div data-test-id="ticket-fields-tags"><span class="garden-tag-item">damaged</span><span class="garden-tag-item">blender</span><span class="garden-tag-item">vip</span></div>
  </aside>
  <main class="conversation">
    <div class="omni-header"><input data-test-id="omni-header-subject" value="Order arrived damaged #${esc(id)}"><div data-test-id="omni-header-via-label">Chat</div></div>
    <div data-test-id="omni-log-container">${log.join('')}</div>
    <div class="composer"><div class="ck ck-editor__editable" data-test-id="omnicomposer-rich-text-ckeditor" contenteditable="true" role="textbox" aria-label="Public reply"></div></div>
  </main>
</div>`;
}

const STYLE = `<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f8f9f9; color: #2f3941; }
  header.app-nav { height: 48px; background: #03363d; color: #fff; display: flex; align-items: center; padding: 0 16px; gap: 8px; }
  .ticket-panes-grid-layout { display: grid; grid-template-columns: 260px 1fr; height: calc(100vh - 48px); }
  .ticket-panes-grid-layout[data-is-active="false"] { display: none; }
  aside.fields { background: #fff; border-right: 1px solid #d8dcde; padding: 16px; }
  .garden-tag-item { display: inline-block; background: #e9ebed; border-radius: 4px; padding: 2px 6px; margin: 2px; font-size: 12px; }
  main.conversation { display: flex; flex-direction: column; min-height: 0; }
  [data-test-id="omni-log-container"] { flex: 1; overflow: auto; padding: 16px; }
  article { background: #fff; border: 1px solid #d8dcde; border-radius: 6px; padding: 10px 14px; margin-bottom: 10px; }
  .ck-editor__editable { min-height: 90px; border: 1px solid #c2c8cc; border-radius: 4px; padding: 8px; }
</style>`;

/** The agent workspace shell; `pane` is the ticket pane's HTML, or '' for a workspace still rendering it. */
export function workspaceHtml(pane: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bench ticket – Acme Support</title>${STYLE}</head>
<body>
<header class="app-nav"><strong>Acme Support</strong><div data-test-id="header-tablist" role="tablist"></div><label><input type="checkbox" id="bench-native"> page's own checkbox</label></header>
<div id="panes">${pane}</div>
</body></html>`;
}
