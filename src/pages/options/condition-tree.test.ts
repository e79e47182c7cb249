import { describe, expect, it } from 'vitest';
import { CONDITION_KEYS, type Condition, parsePlaybook } from '../../core/playbook';
import { DEFAULT_PLAYBOOK } from '../../core/playbook/default-playbook';
import { CONDITION_GROUPS, childrenOf, conditionKey, convertCondition, defaultCondition, renameStepRefs, setField, stepRefs, withChildren } from './condition-tree';

const d = { stepIds: ['verify', 'confirm'] };

describe('condition tree edits', () => {
  it('offers every condition kind exactly once', () => {
    const offered = CONDITION_GROUPS.flatMap((g) => g.keys);
    expect([...offered].sort()).toEqual([...CONDITION_KEYS].sort());
  });

  it('has a default for every kind, valid wherever the schema allows one without author input', () => {
    const needsInput = new Set(['not', 'tags', 'product', 'customerSays', 'agentSays']);
    for (const key of CONDITION_KEYS) {
      const c = defaultCondition(key, d);
      expect(conditionKey(c)).toBe(key);
      const pb = { ...DEFAULT_PLAYBOOK, moves: [{ ...DEFAULT_PLAYBOOK.moves[0]!, when: c }] };
      expect(parsePlaybook(pb).ok, key).toBe(!needsInput.has(key));
    }
  });

  it('keeps what it can when the kind changes', () => {
    const leaf: Condition = { channel: ['email'] };
    expect(convertCondition(leaf, 'all', d)).toEqual({ all: [leaf] });
    expect(convertCondition({ all: [leaf] }, 'any', d)).toEqual({ any: [leaf] });
    expect(convertCondition(leaf, 'not', d)).toEqual({ not: leaf });
    expect(convertCondition({ any: [leaf] }, 'not', d)).toEqual({ not: leaf });
    expect(convertCondition({ not: leaf }, 'any', d)).toEqual({ any: [leaf] });
    expect(convertCondition(leaf, 'stepDone', d)).toEqual({ stepDone: 'verify' });
    expect(convertCondition(leaf, 'channel', d)).toBe(leaf);
  });

  it('reads and replaces group children', () => {
    const c: Condition = { any: [{ channel: ['chat'] }] };
    expect(childrenOf(c)).toHaveLength(1);
    expect(childrenOf({ channel: ['chat'] })).toBeNull();
    expect(withChildren(c, [])).toEqual({ any: [] });
    expect(withChildren({ channel: ['chat'] }, [])).toEqual({ channel: ['chat'] });
  });

  it('omits optional fields instead of storing undefined', () => {
    const r = setField({ gte: 1, lte: 5 } as { gte?: number; lte?: number }, 'lte', undefined);
    expect(r).toEqual({ gte: 1 });
    expect('lte' in r).toBe(false);
    expect(setField({ gte: 1 } as { gte?: number; lte?: number }, 'lte', 3)).toEqual({ gte: 1, lte: 3 });
  });

  it('finds and renames step references at any depth', () => {
    const c: Condition = { all: [{ stepDone: 'verify' }, { not: { any: [{ stepDone: 'verify' }, { stepDone: 'other' }] } }] };
    expect(stepRefs(c)).toEqual(['verify', 'verify', 'other']);
    const renamed = renameStepRefs(c, 'verify', 'check');
    expect(stepRefs(renamed)).toEqual(['check', 'check', 'other']);
    const untouched: Condition = { all: [{ channel: ['chat'] }] };
    expect(renameStepRefs(untouched, 'verify', 'check')).toBe(untouched);
  });
});
