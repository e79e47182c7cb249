/** Every key used in src/ exists in every locale, and every locale has every English key (no untranslated key). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = join(process.cwd(), 'public/_locales');
const load = (loc: string) => JSON.parse(readFileSync(join(LOCALES, loc, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(tsx?|json)$/.test(f) && !/\.test\./.test(f) ? [p] : [];
  });
}

describe('localisation', () => {
  const en = load('en');
  const locales = readdirSync(LOCALES);

  it('has English and at least one more complete language', () => {
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThanOrEqual(2);
  });

  it('every locale translates every English key', () => {
    for (const loc of locales) {
      const m = load(loc);
      const missing = Object.keys(en).filter((k) => !m[k]?.message);
      expect(missing, `${loc} is missing`).toEqual([]);
      if (loc !== 'en') {
        // A message identical to English is allowed only for names and tiny tokens.
        const same = Object.keys(en).filter((k) => m[k]?.message === en[k]?.message && en[k]!.message.length > 12);
        expect(same, `${loc} left these untranslated`).toEqual([]);
      }
    }
  });

  it('every key the code asks for exists', () => {
    const used = new Set<string>();
    for (const file of sources(join(process.cwd(), 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-z][a-z0-9_]*)'/g)) used.add(m[1]!);
    }
    // Keys built from vocabularies: outcome_<outcome>, skip_<reason>.
    for (const o of ['offered', 'accepted', 'declined', 'not_a_fit']) used.add(`outcome_${o}`);
    for (const r of ['customer_upset', 'time_pressure', 'already_knows', 'other']) used.add(`skip_${r}`);
    for (const st of ['recognised', 'unreadable', 'not_a_helpdesk']) used.add(`popup_state_${st}`);
    const manifest = readFileSync(join(process.cwd(), 'manifest.json'), 'utf8');
    for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) used.add(m[1]!);
    const missing = [...used].filter((k) => !en[k]);
    expect(missing).toEqual([]);
  });
});
