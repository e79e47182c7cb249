import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from './default-playbook';
import { parsePlaybook } from './validate';

const copy = () => JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK));

describe('the playbook’s optional VES wording (vesQuestions)', () => {
  it('keeps the wording a playbook gives', () => {
    const r = parsePlaybook({ ...copy(), vesQuestions: { confidence: 'Me siento más seguro de mi compra (1–5)' } });
    expect(r.ok && r.playbook.vesQuestions).toEqual({ confidence: 'Me siento más seguro de mi compra (1–5)' });
  });

  it('refuses blank, unknown or oversized wording with the path, and playbooks without it stay valid', () => {
    const bad = (vesQuestions: unknown) => {
      const r = parsePlaybook({ ...copy(), vesQuestions });
      return r.ok ? [] : r.errors.map((e) => e.path);
    };
    expect(bad({ intro: '   ' })).toEqual(['vesQuestions.intro']);
    expect(bad({ effort: 'x'.repeat(1001) })).toEqual(['vesQuestions.effort']);
    expect(bad({ rating: 'nope' }).length).toBeGreaterThan(0);
    expect(parsePlaybook(copy()).ok).toBe(true);
  });
});
