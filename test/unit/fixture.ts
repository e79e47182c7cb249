/** Loads a committed helpdesk fixture into a DOM document for adapter unit tests (happy-dom). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIXTURES = resolve(process.cwd(), 'test/fixtures');

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

export function loadFixture(name: string): Document {
  return parseHtml(fixtureHtml(name));
}

/** Parse an inline HTML snippet (for "field missing" and hostile variants built from a fixture). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
