/** Loads a committed helpdesk fixture into a DOM document for adapter unit tests (happy-dom). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** Every built-in helpdesk fixture's case (`test/fixtures/<dir>/cases.json`): its adapter and the URL it is served at. */
export function builtInFixtureCases(): { adapter: string; url: string }[] {
  const cases: { adapter: string; url: string }[] = [];
  for (const dir of readdirSync(FIXTURES)) {
    const file = resolve(FIXTURES, dir, 'cases.json');
    if (!existsSync(file)) continue;
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { adapter: string; url: string } | { adapter: string; url: string }[];
    for (const c of Array.isArray(raw) ? raw : [raw]) if (c.adapter !== 'custom') cases.push(c);
  }
  return cases;
}
