/**
 * The worker's side of `moves/evaluate` (evaluate-ticket.ts does the work): the configuration it runs on,
 * read once per configuration change, and the extension's wording. The page sends what it read and its
 * checklist; it never receives a playbook, only the reading it shows.
 */
import browser from 'webextension-polyfill';
import type { Playbook } from '../core/playbook/types';
import type { Say } from '../core/playbook/wording';
import type { EvaluateAnswer, EvaluateRequest } from '../messaging/evaluate-schema';
import { ensureMessages, t } from '../shared/i18n';
import { KEYS } from '../shared/storage-keys';
import { panelConfig } from './config';
import { evaluateWith, type InForce } from './evaluate-ticket';
import { activePlaybooks } from './playbooks';

/** The engine's reason codes in the extension's language (`_locales`, `reason_<code>`), as the panel showed them. */
const say: Say = (code, ...args) => t(`reason_${code}`, ...args);

/**
 * Parsed once per configuration: every config write moves `configChanged`, so the stamp says when to
 * read again. Keeping the same playbook objects keeps the engine's per-playbook caches.
 */
let cached: { stamp: unknown; inForce: Promise<InForce> } | null = null;
async function inForceNow(): Promise<InForce> {
  const stamp = (await browser.storage.local.get(KEYS.configChanged))[KEYS.configChanged] ?? null;
  if (cached?.stamp !== stamp) {
    // The browser can answer '' for every message in a fresh process (src/shared/i18n.ts): the reasons and
    // the "Ask in chat" text would then show as raw keys, so the catalogue is loaded first where needed.
    const inForce = Promise.all([activePlaybooks(), panelConfig(), ensureMessages()]).then(([a, c]): InForce => ({
      playbooks: a.playbooks as Playbook[],
      agentName: c.repName,
      say,
      vesWording: { intro: t('ves_ask_intro'), achieveMore: t('ves_ask_achieve_more'), confidence: t('ves_ask_confidence'), effort: t('ves_ask_effort') },
    }));
    cached = { stamp, inForce };
    inForce.catch(() => {
      if (cached?.inForce === inForce) cached = null;
    });
  }
  return cached.inForce;
}

export async function evaluateTicket(req: EvaluateRequest, now = Date.now()): Promise<EvaluateAnswer> {
  return evaluateWith(await inForceNow(), req, now);
}
