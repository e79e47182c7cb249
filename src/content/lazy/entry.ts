/**
 * The lazy bundle (dist/<browser>/content/lazy.js): what most helpdesk tabs never need — the wrap-up's
 * questions, the key list, the outcome prompt, the insert strategies and the generic fallbacks for drifted pages — injected by the worker into a tab
 * whose content script asks for it (src/content/lazy/load.ts). Built with Preact, the i18n lookup and the
 * input guard replaced by what the main bundle lent (lent-shim.ts, vite.content.config.ts): one of each per tab.
 */
import { composerNearSend, largestMessageList, messagesOf, subjectFromTitle } from '../../sites/generic';
import { insertWithStrategies } from '../../sites/insert-strategies';
import { overrideReader } from '../../sites/overrides';
import { KeyList } from '../panel/KeyList';
import { LAZY_CSS } from '../panel/lazy-styles';
import { OutcomePrompt } from '../panel/OutcomePrompt';
import { WrapupBody } from '../panel/WrapupBody';
import { lent } from './lent-shim';

lent.deliver({ generic: { composerNearSend, largestMessageList, messagesOf, subjectFromTitle, overrides: overrideReader }, WrapupBody, KeyList, OutcomePrompt, insert: insertWithStrategies, css: LAZY_CSS });
