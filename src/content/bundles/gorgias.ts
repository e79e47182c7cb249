/** The content script for Gorgias tabs: one self-contained bundle carrying only the Gorgias adapter. */
import { gorgias } from '../../sites/adapters/gorgias';
import { runContentScript } from '../index';

void runContentScript(() => [gorgias]);
