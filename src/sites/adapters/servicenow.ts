/**
 * ServiceNow (UI16 classic form). The record form lives in the same-origin `iframe#gsft_main`; in the Next
 * Experience shell that iframe sits in the open shadow root of a `[component-id]` macroponent. Fields carry
 * ids `table.field` / `sys_display.table.field` / `sys_readonly.table.field`, so every selector is built from
 * the form's table (incident, sn_customerservice_case, …). Hooks: shared/reference/helpdesks.md (ServiceNow).
 *
 * Form nodes belong to the iframe's realm: all reads go through `fieldText` and Element scopes (dom-frames.ts).
 * `readServiceNowForm(formDoc)` is the iframe-free core, so tests can feed it the form document directly.
 *
 * A second public source (FiggChristian/PTS-Scripts, ServiceNow/service-now.user.js;
 * test/fixtures/servicenow/second-source.html) works forms opened directly (`/ticket.do`, `/incident.do`,
 * `/sc_task.do`) on an instance whose support table is a custom `ticket` with the requester in
 * `u_requested_for` and a guest's address in `u_guest_email`, and replies in the activity stream's own box:
 * `#single-input-journal-entry #activity-stream-textarea`, with the per-field boxes of
 * `#multiple-input-journal-entry` hidden until toggled — so a composer inside a hidden container is skipped.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `iframe#gsft_main`, its place in the `[component-id]` shadow root, `table.field` ids such as
 * `sys_readonly.incident.number`, `sys_display.incident.caller_id` (both sources), `incident.comments` /
 * `incident.work_notes`, `#activity-stream-textarea`, `#activity-stream-comments-textarea`,
 * `#single-input-journal-entry` / `#multiple-input-journal-entry`, `.h-card-wrapper`, `.sn-widget-textblock-body`,
 * `sn-html-content-wrapper`, the custom `u_requested_for` / `u_guest_email` fields of that one instance
 * (PTS-Scripts). Guesses: the URL forms inside `nav_to.do`/`/now/nav/ui/classic/…` (the sys_id, hence
 * `urlIdMayDiffer`), the activity card header (`.sn-card-component-createdby`, `.sn-card-component-time`), how
 * the hidden journal container is hidden (display:none, `hidden`, `ng-hide` all count). Not handled: in
 * single-input mode a checked "Work notes" box turns the reply into an internal note. API: none used — the Table API (`/api/now/table/{table}/{sys_id}`) takes
 * either an Authorization header or the session cookie plus `X-UserToken` (ServiceNow community, "requests have
 * to contain either Authorization header or session cookies + X-UserToken"); that token is the page's `g_ck`
 * variable, readable only from the page's own (hostile) world. The legacy JSONv2 processor needs Basic auth.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 * Table form (issue 17): ../table.ts reads; every field is a hook because ids are built from the form's
 * table, the whole form document (not only the <form>) is searched, and values are read across realms.
 */
import { cleanTags, LIMITS } from '../../core/ticket/sanitize';
import type { MessageRole } from '../../core/ticket/types';
import type { ReadResult, SiteAdapter } from '../adapter';
import { $, exactEmail, type Found, firstMatch } from '../dom';
import { fieldText, findFrame, frameDocument } from '../dom-frames';
import { type FieldPick, tableAdapter } from '../table';

const HOST = /(^|\.)service-now\.com$/;
const FORM_URL = /(?:^|[/=])([a-z0-9_]+)\.do\?(?:[^#]*&)?sys_id=([0-9a-f]{32}|-1)/i;
const RECORD_URL = /\/now\/(?:sow|workspace\/agent|cwf\/agent)\/record\/([a-z0-9_]+)\/([0-9a-f]{32})/i;
const FORM = ['form[id$=".do"]', 'form[name$=".do"]'];
const ACTIVITY_LIST = ['ul.h-card-wrapper', '.h-card-wrapper', '.activities-form', '.activity-stream'];
/** An entry's text: a journal text block, or an HTML entry (an e-mail) in its content wrapper. */
const ENTRY_BODY = ['.sn-widget-textblock-body', 'sn-html-content-wrapper'];
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

/** The form's whole document (activity stream and composer may sit outside the <form>) and its table. */
const docOf = (form: Element): Element => form.ownerDocument.documentElement;

/** A field read from the form document, by ids built from the form's table. */
function formField(ids: (t: string) => readonly string[], max?: number): (form: Element) => Found<string> | null {
  return (form) => firstValue(docOf(form), ids(tableOf(form)).map(byId), max);
}

const requester: FieldPick = formField((t) => ['caller_id', 'contact', 'requested_for', 'u_requested_for'].map((f) => `sys_display.${t}.${f}`));

/** Hidden by the page (the activity stream's per-field journal boxes until the rep toggles to them). */
function hiddenInPage(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden') || e.classList.contains('ng-hide') || /display\s*:\s*none/i.test(e.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** The reply box the rep sees: the form's comments field, else the activity stream's (per-field or single). */
function composerIn(form: Element): Found<Element> | null {
  const t = tableOf(form);
  for (const sel of [`textarea${byId(`${t}.comments`)}`, byId('activity-stream-comments-textarea'), byId('activity-stream-textarea')]) {
    const el = $(docOf(form), sel);
    if (el && !hiddenInPage(el)) return { value: el, source: sel };
  }
  return null;
}

function roleOf(entry: Element, requesterName: string): MessageRole | null {
  if (!fieldText($(entry, ENTRY_BODY.join(', ')))) return null; // field-change entries have no text block
  const label = fieldText($(entry, '.sn-card-component-time span'));
  const author = fieldText($(entry, '.sn-card-component-createdby'));
  // Another author's comment may be the caller's colleague: unknown, never counted as the agent.
  return /work ?note/i.test(label) ? 'internal' : author === requesterName || /email received/i.test(label) ? 'customer' : 'unknown';
}

const table = tableAdapter({
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
  root: (doc) => locateForm(doc).form,
  pageId: formField((t) => [`sys_readonly.${t}.number`, `${t}.number`, 'sys_uniqueValue'], 40),
  subject: formField((t) => [`${t}.short_description`, `sys_readonly.${t}.short_description`]),
  requester,
  // The caller's e-mail (dot-walked field), else the caller reference itself (a sys_id).
  customerId(form) {
    const who = requester(form);
    const field = who?.source.replace(/^\[id="sys_display\.|"\]$/g, '') ?? `${tableOf(form)}.caller_id`;
    const email = firstValue(docOf(form), [byId(`sys_readonly.${field}.email`), byId(`${field}.email`)]);
    if (email) return { value: exactEmail(email.value) ?? email.value, source: email.source };
    // No reference (a guest): the address the desk typed for them, when it is exactly one.
    const guest = firstValue(docOf(form), [byId(`${tableOf(form)}.u_guest_email`)]);
    const guestEmail = exactEmail(guest?.value);
    return firstValue(docOf(form), [byId(field)], 64) ?? (guest && guestEmail ? { value: guestEmail, source: guest.source } : null);
  },
  status(form) {
    const raw = formField((t) => [`${t}.state`, `sys_readonly.${t}.state`, `${t}.incident_state`])(form);
    return raw ? { value: STATE_LABELS[raw.value] ?? raw.value, source: raw.source } : null;
  },
  channel: formField((t) => [`${t}.contact_type`, `${t}.channel`, `sys_readonly.${t}.contact_type`]),
  tags(form) {
    const t = tableOf(form);
    const tags = cleanTags([`${t}.category`, `${t}.subcategory`].map((id) => fieldText($(docOf(form), byId(id)))));
    return tags.length ? { value: tags, source: byId(`${t}.category`) } : null;
  },
  product: formField((t) => ['cmdb_ci', 'product', 'business_service'].map((f) => `sys_display.${t}.${f}`)),
  thread: (form) => firstMatch(docOf(form), ACTIVITY_LIST),
  message: 'li.h-card',
  // The activity stream lists newest first; the engine wants oldest first.
  orderMessages: (items) => [...items].reverse(),
  messageBody: ENTRY_BODY,
  roleOf,
  leadMessage(form) {
    const text = fieldText($(docOf(form), byId(`${tableOf(form)}.description`)), LIMITS.messageText);
    return text ? { role: 'customer', text } : null;
  },
  composer: composerIn,
  // The comments field is a plain textarea bound by g_form: the value setter plus input/change is what it hears.
  insertOrder: ['native-setter', 'execCommand'],
});

/** Read a ServiceNow form document (the iframe's document, or a directly opened `incident.do`). */
export function readServiceNowForm(formDoc: Document, url: URL): ReadResult {
  return table.read(formDoc, url);
}

export const servicenow: SiteAdapter = {
  ...table,
  watchTargets(doc) {
    const { form, frame } = locateForm(doc);
    const activity = form ? firstMatch(docOf(form), ACTIVITY_LIST)?.value : undefined;
    // The iframe element (top document) changes when the frame is re-pointed; the form's nodes do not survive that.
    return [frame, activity, form].filter((el): el is Element => !!el);
  },
};
