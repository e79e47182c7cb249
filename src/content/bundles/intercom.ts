/** The content script for Intercom tabs: one self-contained bundle carrying only the Intercom adapter. */
import { intercom } from '../../sites/adapters/intercom';
import { runContentScript } from '../index';

void runContentScript(() => [intercom]);
