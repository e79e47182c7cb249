/** The content script for Help Scout tabs: one self-contained bundle carrying only the Help Scout adapter. */
import { helpscout } from '../../sites/adapters/helpscout';
import { runContentScript } from '../index';

void runContentScript(() => [helpscout]);
