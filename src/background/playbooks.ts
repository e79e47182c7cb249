/**
 * Which playbook is in force: a managed (policy) playbook wins over the local one, which wins over the
 * built-in default. Every candidate is validated with the engine's schema here, so content scripts get
 * only valid playbooks; a broken managed playbook is reported and the next source is used.
 */
import browser from 'webextension-polyfill';
import { DEFAULT_PLAYBOOK, DEFAULT_PLAYBOOK_ES, parsePlaybook, parsePlaybookJson } from '../core/playbook';
import type { ActivePlaybooks } from '../messaging/protocol';
import { KEYS } from '../shared/storage-keys';
import { managedPolicy } from './policy';

export interface LocalPlaybooks {
  /** The playbook an admin activated on this browser, or null for the built-in default. */
  readonly current: unknown | null;
  /** Earlier saved versions, newest first, at most 20 (restorable from the options page). */
  readonly history: readonly unknown[];
  /** When each version was saved (epoch ms, keyed by version number); written by the options page, optional. */
  readonly savedAt?: Readonly<Record<string, number>>;
}

export async function activePlaybooks(locale = ''): Promise<ActivePlaybooks> {
  const problems: string[] = [];
  const policy = await managedPolicy();
  const managed = policy.playbook ?? (typeof policy.playbookJson === 'string' ? policy.playbookJson : undefined);
  if (managed !== undefined) {
    const r = typeof managed === 'string' ? parsePlaybookJson(managed) : parsePlaybook(managed);
    if (r.ok) return { playbooks: [r.playbook], source: 'managed', problems };
    problems.push(`Managed playbook rejected: ${r.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  const local = (await browser.storage.local.get(KEYS.playbooks))[KEYS.playbooks] as LocalPlaybooks | undefined;
  if (local?.current) {
    const r = parsePlaybook(local.current);
    if (r.ok) return { playbooks: [r.playbook], source: 'local', problems };
    problems.push(`Local playbook rejected: ${r.errors[0]?.path}: ${r.errors[0]?.message}`);
  }
  // The built-in playbook comes in the browser's language where we have a translation.
  const spanish = (locale || browser.i18n.getUILanguage()).toLowerCase().startsWith('es');
  return { playbooks: [spanish ? DEFAULT_PLAYBOOK_ES : DEFAULT_PLAYBOOK], source: 'default', problems };
}
