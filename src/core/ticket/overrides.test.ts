import { describe, expect, it } from 'vitest';
import { mergeOverrides, parseSiteOverrides } from './overrides';

describe('admin selector overrides (policy siteOverrides)', () => {
  it('keeps valid entries and reports each bad one by path', () => {
    const { overrides, errors } = parseSiteOverrides({
      zendesk: { subject: ['h1.subject', ''], composer: '.editor', nonsense: ['x'] },
      'evil-desk': { subject: ['h1'] },
      front: 'h1',
      freshdesk: { tags: [] },
    });
    expect(overrides).toEqual({ zendesk: { subject: ['h1.subject'], composer: ['.editor'] } });
    expect(errors.map((e) => e.path)).toEqual(['zendesk.subject[1]', 'zendesk.nonsense', 'evil-desk', 'front', 'freshdesk.tags']);
  });

  it('answers nothing, without error, when the policy has no overrides; an error when it is not an object', () => {
    expect(parseSiteOverrides(undefined)).toEqual({ overrides: {}, errors: [] });
    expect(parseSiteOverrides([1]).errors).toHaveLength(1);
  });

  it('bounds selectors: at most 5 per field, 300 characters each', () => {
    expect(parseSiteOverrides({ zendesk: { subject: Array(6).fill('h1') } }).errors).toHaveLength(1);
    expect(parseSiteOverrides({ zendesk: { subject: ['a'.repeat(301)] } }).errors[0]?.path).toBe('zendesk.subject[0]');
  });

  it('policy selectors come first when merged with the options page’s', () => {
    expect(mergeOverrides({ subject: ['a'] }, { subject: ['b', 'a'], tags: ['t'] })).toEqual({ subject: ['a', 'b'], tags: ['t'] });
  });
});
