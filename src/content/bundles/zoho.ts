/** The content script for Zoho Desk tabs: one self-contained bundle carrying only the Zoho Desk adapter. */
import { zoho } from '../../sites/adapters/zoho';
import { runContentScript } from '../index';

void runContentScript(() => [zoho]);
