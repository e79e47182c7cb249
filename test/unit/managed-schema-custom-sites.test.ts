/**
 * Chromium drops every policy property that public/managed-schema.json does not describe, silently. A
 * custom-site field the options page accepts but the schema lacks therefore vanishes from an admin's
 * `customSites` policy (as `agentMessage` did: the admin's desk then had no agent messages at all).
 * The schema must describe exactly the fields CustomSiteConfig accepts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustomSiteConfig } from '../../src/sites/adapters/custom';

interface SchemaObject {
  properties: Record<string, SchemaObject & { type: string }>;
}
const schema = JSON.parse(readFileSync(resolve('public/managed-schema.json'), 'utf8')) as SchemaObject & {
  properties: { customSites: { items: SchemaObject } };
};
const item = schema.properties.customSites.items;

describe('managed schema: customSites', () => {
  it('describes every custom-site field the adapter accepts, and no other', () => {
    expect(Object.keys(item.properties).sort()).toEqual(Object.keys(CustomSiteConfig.entries).sort());
  });
  it('describes every selector the adapter accepts, and no other', () => {
    expect(Object.keys(item.properties.selectors?.properties ?? {}).sort()).toEqual(Object.keys(CustomSiteConfig.entries.selectors.entries).sort());
  });
});
