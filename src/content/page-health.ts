/**
 * What the content script reports about a page reading: the toolbar badge and the options page's
 * per-site health line (only when what could be read changed), and the cheap fingerprint that lets a
 * busy page's constant re-renders cost nothing.
 */
import type { HelpdeskId } from '../core/ticket/types';
import { send } from '../messaging/client';
import { browser } from '../shared/ext';
import { KEYS } from '../shared/storage-keys';
import type { ReadResult } from '../sites/adapter';

export function createHealthReporter(helpdesk: HelpdeskId): (read: ReadResult) => void {
  let last = '';
  return (read) => {
    const summary = read.diagnostics.map((d) => `${d.field}:${d.ok ? 1 : 0}`).join(',');
    if (summary === last) return;
    last = summary;
    void send('tab/status', { helpdesk, recognised: read.context !== null }).catch(() => {});
    void browser.storage.local.set({ [KEYS.healthPrefix + helpdesk]: { at: Date.now(), diagnostics: read.diagnostics } }).catch(() => {});
  };
}

/** A fingerprint of what the engine and panel use from a read (messages by count and last length). */
export function readSignature(read: ReadResult, ticketId: string | null): string {
  const c = read.context;
  if (!c) return `none|${ticketId}|${read.diagnostics.map((d) => (d.ok ? 1 : 0)).join('')}`;
  const last = c.messages[c.messages.length - 1];
  return [ticketId, c.subject, c.requesterName, c.customerKey, c.channel, c.status, c.tags.join(','), c.product, c.messages.length, last?.role, last?.text.length, last?.text.slice(-40)].join('|');
}
