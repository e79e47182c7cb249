/** The content script for Zendesk tabs: one self-contained bundle carrying only the Zendesk adapter. */
import { zendesk } from '../../sites/adapters/zendesk';
import { runContentScript } from '../index';

void runContentScript(() => [zendesk]);
