/** The content script for HubSpot Help Desk tabs: one self-contained bundle carrying only the HubSpot adapter. */
import { hubspot } from '../../sites/adapters/hubspot';
import { runContentScript } from '../index';

void runContentScript(() => [hubspot]);
