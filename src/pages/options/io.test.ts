import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../core/playbook';
import { exportFileName, exportText, fileTooLarge, importText } from './io';

describe('playbook import / export', () => {
  it('round-trips the default playbook', () => {
    const text = exportText(DEFAULT_PLAYBOOK);
    expect(exportFileName(DEFAULT_PLAYBOOK)).toBe('resolve-plus-default-v1.json');
    const r = importText(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.playbook).toEqual(DEFAULT_PLAYBOOK);
  });

  it('rejects a broken file with errors by path', () => {
    const bad = JSON.parse(exportText(DEFAULT_PLAYBOOK));
    bad.moves[3].when = { any: [{ regex: 'refund.*' }] };
    bad.moves[1].title = '';
    const r = importText(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain('moves[3].when.any[0]: unknown field "regex"');
      expect(r.errors).toContain('moves[1].title: must not be blank');
    }
    const syntax = importText('{"id": ');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.errors[0]).toMatch(/^\$: /);
  });

  it('accepts a playbook with tone warnings and reports them', () => {
    const pb = { ...DEFAULT_PLAYBOOK, moves: [{ ...DEFAULT_PLAYBOOK.moves[0]!, text: 'Upgrade now and get 20% off!' }] };
    const r = importText(JSON.stringify(pb));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.path)).toContain('moves[0].text');
  });

  it('refuses files over the size limit before reading them', () => {
    expect(fileTooLarge(1024)).toBe(false);
    expect(fileTooLarge(5 * 1024 * 1024)).toBe(true);
  });
});
