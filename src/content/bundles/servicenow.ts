/** The content script for ServiceNow tabs: one self-contained bundle carrying only the ServiceNow adapter. */
import { servicenow } from '../../sites/adapters/servicenow';
import { runContentScript } from '../index';

void runContentScript(() => [servicenow]);
