/**
 * The worker's side of `moves/evaluate` (evaluate-ticket.ts does the work): the configuration it runs on,
 * read once per configuration change, and the extension's wording. The page sends what it read and its
 * checklist; it never receives a playbook, only the reading it shows.
 */
import browser from 'webextension-polyfill';
import type { Playbook } from '../core/playbook/types';
import type { EvaluateAnswer, EvaluateRequest } from '../messaging/evaluate-schema';
import { SHIPPED_LANGUAGES, shippedLanguage, textLanguage, wordingIn } from '../shared/i18n';
import { KEYS } from '../shared/storage-keys';
import { panelConfig } from './config';
import { evaluateWith, type InForce } from './evaluate-ticket';
import { activePlaybooks } from './playbooks';

/**
 * Parsed once per configuration and language: every config write moves `configChanged`, so the stamp says
 * when to read again. Keeping the same playbook objects keeps the engine's per-playbook caches.
 */
let cached: { stamp: unknown; byLanguage: Map<string, Promise<InForce>> } | null = null;
async function inForceNow(language: string): Promise<InForce> {
  const stamp = (await browser.storage.local.get(KEYS.configChanged))[KEYS.configChanged] ?? null;
  if (cached?.stamp !== stamp) cached = { stamp, byLanguage: new Map() };
  const byLanguage = cached.byLanguage;
  let inForce = byLanguage.get(language);
  if (!inForce) {
    // The built-in playbook and the engine's reasons (`_locales`, `reason_<code>`) in the panel's language,
    // from the catalogue itself: the worker's own may be another, or lost (src/shared/i18n.ts).
    inForce = Promise.all([activePlaybooks(language), panelConfig(), wordingIn(language)]).then(([a, c, say]): InForce => ({
      playbooks: a.playbooks as Playbook[],
      agentName: c.repName,
      say: (code, ...args) => say(`reason_${code}`, ...args),
      vesWording: { intro: say('ves_ask_intro'), achieveMore: say('ves_ask_achieve_more'), confidence: say('ves_ask_confidence'), effort: say('ves_ask_effort') },
    }));
    byLanguage.set(language, inForce);
    const settled = inForce;
    settled.catch(() => {
      if (byLanguage.get(language) === settled) byLanguage.delete(language);
    });
  }
  return inForce;
}

/** The language a panel asked in when it is one the extension ships, else the worker's own. */
const answerLanguage = (asked: string | undefined): string =>
  asked && SHIPPED_LANGUAGES.includes(asked) ? asked : shippedLanguage(textLanguage() || browser.i18n.getUILanguage());

export async function evaluateTicket(req: EvaluateRequest, now = Date.now()): Promise<EvaluateAnswer> {
  return evaluateWith(await inForceNow(answerLanguage(req.lang)), req, now);
}
