/**
 * ServiceNow (UI16 classic form). The record form lives in the same-origin `iframe#gsft_main`; in the Next
 * Experience shell that iframe sits in the open shadow root of a `[component-id]` macroponent. Fields carry
 * ids `table.field` / `sys_display.table.field` / `sys_readonly.table.field`, so every selector is built from
 * the form's table (incident, sn_customerservice_case, …). Hooks: shared/reference/helpdesks.md (ServiceNow).
 *
 * Form nodes belong to the iframe's realm: all reads go through `fieldText` and Element scopes (dom-frames.ts).
 * `readServiceNowForm(formDoc)` is the iframe-free core, so tests can feed it the form document directly.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `iframe#gsft_main`, its place in the `[component-id]` shadow root, `table.field` ids such as
 * `sys_readonly.incident.number`, `sys_display.incident.caller_id`. Guesses: the URL forms inside
 * `nav_to.do`/`/now/nav/ui/classic/…` (the sys_id, hence `urlIdMayDiffer`), the comments/work-notes
 * textareas, the activity stream. API: none used — the Table API accepts a browser session only with the
 * `X-UserToken` (g_ck) header, which lives in the page's own world.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import { cleanTags, cleanText, LIMITS } from '../../core/ticket/sanitize';
import type { TicketMessage } from '../../core/ticket/types';
import type { ReadResult, SiteAdapter } from '../adapter';
import { $, $$, Diagnostics, exactEmail, type Found, firstMatch } from '../dom';
import { fieldText, findFrame, frameDocument, insertIntoAnyRealm } from '../dom-frames';
import { toChannel, toStatus } from '../normalize';

const HOST = /(^|\.)service-now\.com$/;
const FORM_URL = /(?:^|[/=])([a-z0-9_]+)\.do\?(?:[^#]*&)?sys_id=([0-9a-f]{32}|-1)/i;
const RECORD_URL = /\/now\/(?:sow|workspace\/agent|cwf\/agent)\/record\/([a-z0-9_]+)\/([0-9a-f]{32})/i;
const FORM = ['form[id$=".do"]', 'form[name$=".do"]'];
const ACTIVITY_LIST = ['ul.h-card-wrapper', '.h-card-wrapper', '.activities-form', '.activity-stream'];
/** Numeric `state` values of task tables, for forms that render the raw value. */
const STATE_LABELS: Record<string, string> = { '1': 'New', '2': 'In Progress', '3': 'On Hold', '6': 'Resolved', '7': 'Closed', '8': 'Canceled' };

const byId = (id: string): string => `[id="${id}"]`;

/** Path + query, percent-decoded up to twice (nav_to.do?uri=incident.do%3Fsys_id%3D…). */
function decodedPath(url: URL): string {
  let s = (url.pathname + url.search).slice(0, 2_000);
  for (let i = 0; i < 2; i++) {
    try {
      const next = decodeURIComponent(s);
      if (next === s) break;
      s = next;
    } catch {
      break;
    }
  }
  return s;
}

function sysIdFromUrl(url: URL): string | null {
  const s = decodedPath(url);
  const id = RECORD_URL.exec(s)?.[2] ?? FORM_URL.exec(s)?.[2];
  return id && id !== '-1' ? id.toLowerCase() : null;
}

function formIn(scope: Element | null | undefined): Element | null {
  if (!scope) return null;
  return firstMatch(scope, FORM)?.value ?? $(scope, byId('sys_uniqueValue'))?.closest('form') ?? null;
}

/** The form (in this document, the classic iframe, or the Next Experience shadow-root iframe) and its iframe. */
function locateForm(doc: Document): { form: Element | null; frame: Element | null } {
  const own = formIn(doc.documentElement);
  if (own) return { form: own, frame: null };
  const frame = findFrame(doc, 'iframe#gsft_main')?.value ?? null;
  return { form: formIn(frameDocument(frame)?.documentElement), frame };
}

function tableOf(form: Element, url?: URL): string {
  const fromForm = (form.getAttribute('id') ?? form.getAttribute('name') ?? '').replace(/\.do$/, '');
  const path = url ? decodedPath(url) : '';
  const fromUrl = FORM_URL.exec(path)?.[1] ?? RECORD_URL.exec(path)?.[1];
  return [fromForm, fieldText($(form, byId('sys_target'))), fromUrl].find((t) => t && /^[a-z0-9_]{1,80}$/.test(t)) ?? 'incident';
}

function firstValue(scope: Element, selectors: readonly string[], max?: number): Found<string> | null {
  for (const sel of selectors) {
    const value = fieldText($(scope, sel), max);
    if (value) return { value, source: sel };
  }
  return null;
}

function composerIn(scope: Element, t: string): HTMLElement | null {
  const sels = [`textarea${byId(`${t}.comments`)}`, byId('activity-stream-comments-textarea'), byId('activity-stream-textarea')];
  return (firstMatch(scope, sels)?.value as HTMLElement | undefined) ?? null;
}

function messagesIn(scope: Element, t: string, requester: string): TicketMessage[] | null {
  const list = firstMatch(scope, ACTIVITY_LIST)?.value;
  if (!list) return null;
  const out: TicketMessage[] = [];
  // The activity stream lists newest first; the engine wants oldest first.
  for (const entry of $$(list, 'li.h-card').reverse()) {
    const text = fieldText($(entry, '.sn-widget-textblock-body'), LIMITS.messageText);
    if (!text) continue; // field-change entries have no text block
    const label = fieldText($(entry, '.sn-card-component-time span'));
    const author = fieldText($(entry, '.sn-card-component-createdby'));
    // Another author's comment may be the caller's colleague: unknown, never counted as the agent.
    const role = /work ?note/i.test(label) ? 'internal' : author === requester || /email received/i.test(label) ? 'customer' : 'unknown';
    out.push({ role, text });
  }
  const description = fieldText($(scope, byId(`${t}.description`)), LIMITS.messageText);
  if (description) out.unshift({ role: 'customer', text: description });
  return out.slice(-LIMITS.messages);
}

function readForm(form: Element | null, url: URL): ReadResult {
  const d = new Diagnostics();
  const scope = form?.ownerDocument.documentElement;
  if (!form || !scope) {
    for (const f of ['ticketId', 'subject', 'requester', 'customerKey', 'status', 'channel', 'tags', 'messages', 'composer'] as const) d.fail(f);
    return { context: null, diagnostics: d.list };
  }
  const t = tableOf(form, url);
  const idFound = firstValue(scope, [byId(`sys_readonly.${t}.number`), byId(`${t}.number`), byId('sys_uniqueValue')], 40);
  const ticketId = d.note('ticketId', idFound ?? (sysIdFromUrl(url) ? { value: sysIdFromUrl(url) as string, source: 'url' } : null));
  const subject = d.note('subject', firstValue(scope, [byId(`${t}.short_description`), byId(`sys_readonly.${t}.short_description`)])) ?? '';
  const who = ['caller_id', 'contact', 'requested_for'].map((f) => byId(`sys_display.${t}.${f}`));
  const requesterFound = firstValue(scope, who);
  const requesterName = d.note('requester', requesterFound) ?? '';
  const field = requesterFound?.source.replace(/^\[id="sys_display\.|"\]$/g, '') ?? `${t}.caller_id`;
  const email = firstValue(scope, [byId(`sys_readonly.${field}.email`), byId(`${field}.email`)]);
  const customerKey = d.note('customerKey', email ? { value: exactEmail(email.value) ?? email.value, source: email.source } : firstValue(scope, [byId(field)], 64));
  const rawState = d.note('status', firstValue(scope, [byId(`${t}.state`), byId(`sys_readonly.${t}.state`), byId(`${t}.incident_state`)]));
  const channel = toChannel(d.note('channel', firstValue(scope, [byId(`${t}.contact_type`), byId(`${t}.channel`), byId(`sys_readonly.${t}.contact_type`)])));
  const tagSels = [byId(`${t}.category`), byId(`${t}.subcategory`)];
  const tags = cleanTags(tagSels.map((sel) => fieldText($(scope, sel))));
  if (tags.length) d.ok('tags', tagSels[0] as string);
  else d.fail('tags');
  const product = firstValue(scope, ['cmdb_ci', 'product', 'business_service'].map((f) => byId(`sys_display.${t}.${f}`)))?.value ?? null;
  const messages = messagesIn(scope, t, requesterName);
  if (messages) d.ok('messages', ACTIVITY_LIST.join(', '));
  else d.fail('messages');
  const composer = composerIn(scope, t);
  if (composer) d.ok('composer', composer.id);
  else d.fail('composer');
  if (!ticketId) return { context: null, diagnostics: d.list };
  return {
    context: {
      helpdesk: 'servicenow',
      ticketId: cleanText(ticketId, 40),
      subject,
      requesterName,
      customerKey,
      channel,
      status: toStatus(rawState ? (STATE_LABELS[rawState] ?? rawState) : null),
      tags,
      product,
      messages: messages ?? [],
    },
    diagnostics: d.list,
  };
}

/** Read a ServiceNow form document (the iframe's document, or a directly opened `incident.do`). */
export function readServiceNowForm(formDoc: Document, url: URL): ReadResult {
  return readForm(formIn(formDoc.documentElement), url);
}

export const servicenow: SiteAdapter = {
  id: 'servicenow',
  label: 'ServiceNow',
  hostPatterns: ['https://*.service-now.com/*'],
  matches(url) {
    if (!HOST.test(url.hostname)) return false;
    const s = decodedPath(url);
    return FORM_URL.test(s) || RECORD_URL.test(s);
  },
  ticketIdFromUrl: sysIdFromUrl,
  urlIdMayDiffer: true, // the URL holds the sys_id; the form shows the INC number
  findTicketRoot: (doc) => locateForm(doc).form,
  read: (doc, url) => readForm(locateForm(doc).form, url),
  findComposer(doc) {
    const form = locateForm(doc).form;
    return form ? composerIn(form.ownerDocument.documentElement, tableOf(form)) : null;
  },
  insertText(doc, text) {
    // The comments field is a plain textarea bound by g_form: the value setter plus input/change is what it hears.
    return insertIntoAnyRealm(this.findComposer(doc), text, ['native-setter', 'execCommand']);
  },
  watchTargets(doc) {
    const { form, frame } = locateForm(doc);
    const activity = form ? firstMatch(form.ownerDocument.documentElement, ACTIVITY_LIST)?.value : undefined;
    // The iframe element (top document) changes when the frame is re-pointed; the form's nodes do not survive that.
    return [frame, activity, form].filter((el): el is Element => !!el);
  },
};
