/** The content script for Freshdesk tabs: one self-contained bundle carrying only the Freshdesk adapter. */
import { freshdesk } from '../../sites/adapters/freshdesk';
import { runContentScript } from '../index';

void runContentScript(() => [freshdesk]);
