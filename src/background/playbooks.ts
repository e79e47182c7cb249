/**
 * Which playbooks are in force: managed (policy) playbooks win over a team bundle's, which win over the
 * local one, which wins over the built-in default. Every candidate is validated with the engine's schema
 * here, so content scripts get only valid playbooks; a broken managed playbook is reported and the next
 * source is used. Several playbooks (policy `playbooks`, a bundle) are returned in order: the panel runs
 * the first whose `appliesTo` matches the ticket (helpdesk, channel, tags, product).
 */
import browser from 'webextension-polyfill';
import { DEFAULT_PLAYBOOK, DEFAULT_PLAYBOOK_ES, parsePlaybook, parsePlaybookJson } from '../core/playbook';
import type { ActivePlaybooks } from '../messaging/protocol';
import { CONFIG_KEYS } from '../storage/config-repo';
import { loadBundle } from './config';
import { shippedLanguage, textLanguage } from '../shared/i18n';
import { readConfigValue } from './config-store';
import { managedPolicy } from './policy';

export interface LocalPlaybooks {
  /** The playbook an admin activated on this browser, or null for the built-in default. */
  readonly current: unknown | null;
  /** Earlier saved versions, newest first, at most 20 (restorable from the options page). */
  readonly history: readonly unknown[];
  /** When each version was saved (epoch ms, keyed by version number); written by the options page, optional. */
  readonly savedAt?: Readonly<Record<string, number>>;
}

const describe = (errors: readonly { path: string; message: string }[]) =>
  errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');

export async function activePlaybooks(locale = ''): Promise<ActivePlaybooks> {
  const problems: string[] = [];
  const policy = await managedPolicy();
  if (Array.isArray(policy.playbooks) && policy.playbooks.length) {
    const valid: unknown[] = [];
    policy.playbooks.slice(0, 20).forEach((pb, i) => {
      const r = parsePlaybook(pb);
      if (r.ok) valid.push(r.playbook);
      else problems.push(`Managed playbook ${i + 1} rejected: ${describe(r.errors)}`);
    });
    if (valid.length) return { playbooks: valid, source: 'managed', problems };
  }
  const managed = policy.playbook ?? (typeof policy.playbookJson === 'string' ? policy.playbookJson : undefined);
  if (managed !== undefined) {
    const r = typeof managed === 'string' ? parsePlaybookJson(managed) : parsePlaybook(managed);
    if (r.ok) return { playbooks: [r.playbook], source: 'managed', problems };
    problems.push(`Managed playbook rejected: ${describe(r.errors)}`);
  }
  const bundle = await loadBundle();
  if (bundle?.playbooks.length) {
    // Validated on import; checked again in case the engine's rules tightened since.
    const valid = bundle.playbooks.map((pb) => parsePlaybook(pb)).flatMap((r) => (r.ok ? [r.playbook] : []));
    if (valid.length) return { playbooks: valid, source: 'bundle', problems };
    problems.push('Team bundle playbooks rejected by this version');
  }
  const local = (await readConfigValue(CONFIG_KEYS.playbooks)) as LocalPlaybooks | undefined;
  if (local?.current) {
    const r = parsePlaybook(local.current);
    if (r.ok) return { playbooks: [r.playbook], source: 'local', problems };
    problems.push(`Local playbook rejected: ${r.errors[0]?.path}: ${r.errors[0]?.message}`);
  }
  // The built-in playbook comes in the browser's language where we have a translation.
  const spanish = shippedLanguage(locale || textLanguage() || browser.i18n.getUILanguage()) === 'es';
  return { playbooks: [spanish ? DEFAULT_PLAYBOOK_ES : DEFAULT_PLAYBOOK], source: 'default', problems };
}
