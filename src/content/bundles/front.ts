/** The content script for Front tabs: one self-contained bundle carrying only the Front adapter. */
import { front } from '../../sites/adapters/front';
import { runContentScript } from '../index';

void runContentScript(() => [front]);
