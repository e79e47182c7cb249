import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from './default-playbook';
import { appliesTo, selectPlaybook } from './select';
import { playbook, ticket } from './test-fixtures';

describe('selectPlaybook', () => {
  const zendeskVip = playbook({ id: 'zendesk-vip', appliesTo: { helpdesks: ['zendesk'], tags: ['VIP'] } });
  const blenders = playbook({ id: 'blenders', appliesTo: { products: ['blender'], channels: ['chat', 'email'] } });
  const general = playbook({ id: 'general', appliesTo: {} });

  it('returns the first playbook whose appliesTo matches', () => {
    expect(selectPlaybook([zendeskVip, blenders, general], ticket())?.id).toBe('zendesk-vip');
    expect(selectPlaybook([zendeskVip, blenders, general], ticket({ tags: [] }))?.id).toBe('blenders');
    expect(selectPlaybook([zendeskVip, blenders, general], ticket({ tags: [], channel: 'phone' }))?.id).toBe('general');
    expect(selectPlaybook([general, zendeskVip], ticket())?.id).toBe('general');
  });

  it('falls back to the given playbook, else the last one in the list', () => {
    expect(selectPlaybook([zendeskVip, blenders], ticket({ helpdesk: 'intercom', product: null }), DEFAULT_PLAYBOOK)).toBe(DEFAULT_PLAYBOOK);
    expect(selectPlaybook([zendeskVip, blenders], ticket({ helpdesk: 'intercom', product: null }))?.id).toBe('blenders');
    expect(selectPlaybook([], ticket())).toBe(null);
  });

  it('gives an unread page only unrestricted playbooks', () => {
    expect(selectPlaybook([zendeskVip, general, blenders], null)?.id).toBe('general');
    expect(appliesTo({}, null)).toBe(true);
    expect(appliesTo({ helpdesks: [] }, null)).toBe(true);
    expect(appliesTo({ channels: ['chat'] }, null)).toBe(false);
  });
});
