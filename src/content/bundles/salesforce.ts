/** The content script for Salesforce Service Console tabs: one self-contained bundle carrying only the Salesforce Service Console adapter. */
import { salesforce } from '../../sites/adapters/salesforce';
import { runContentScript } from '../index';

void runContentScript(() => [salesforce]);
