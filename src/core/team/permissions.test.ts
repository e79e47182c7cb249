import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leadPermissions, repPermissions, streamDefinition } from './permissions';

/** The README text about team mode (the lead merges notes/h16-readme.md into README.md). */
function readmeText(): string {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  if (readme.includes('## Team mode')) return readme;
  return readFileSync(new URL('../../../notes/h16-readme.md', import.meta.url), 'utf8');
}

const blocks = (text: string) => [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] as string) as unknown);

describe('least privilege, as documented', () => {
  it('a rep may publish to its own subject only, and subscribe to its own inbox only', () => {
    const p = repPermissions('ana');
    const subjects = p.publish.allow.filter((s) => !s.startsWith('$JS.API.'));
    expect(subjects).toEqual(['rp.events.ana', 'rp.events.ana.health']);
    expect(p.subscribe.allow).toEqual(['_INBOX_ana.>']);
    expect(p.publish.allow.join()).not.toMatch(/rp\.events\.(>|\*)/);
  });

  it('only a lead may publish reviews, and only on its own review subject', () => {
    expect(leadPermissions('li').publish.allow.filter((s) => s.endsWith('.review'))).toEqual(['rp.events.li.review']);
    expect(repPermissions('ana').publish.allow.some((s) => s.endsWith('.review'))).toBe(false);
  });

  it('README prints exactly these blocks and this stream definition', () => {
    const docs = blocks(readmeText());
    expect(docs).toContainEqual({ permissions: repPermissions('<repId>') });
    expect(docs).toContainEqual({ permissions: leadPermissions('<repId>') });
    expect(docs).toContainEqual(streamDefinition());
  });
});
