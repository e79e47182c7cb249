import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK, type Playbook } from '../../core/playbook';
import { stepRefs } from './condition-tree';
import { checkDraft, copyMovesToB, disableAbTest, duplicateMove, duplicateStep, enableAbTest, idFollowingTitle, newMove, newStep, renameStep, setConfirming } from './draft';

const pb = DEFAULT_PLAYBOOK;

describe('playbook draft edits', () => {
  it('creates new steps and moves with free ids', () => {
    expect(newStep(pb.checklist, 'Verify').id).toBe('verify-2');
    const m = newMove(pb.moves, 'New move');
    expect(m).toMatchObject({ id: 'new-move', kind: 'usage-tip', when: { all: [] } });
    // A new move needs its text before the playbook is valid; the error names the field.
    const checked = checkDraft({ ...pb, moves: [...pb.moves, m] });
    expect(checked.errors).toEqual([{ path: `moves[${pb.moves.length}].text`, message: 'must not be blank' }]);
    expect(checkDraft({ ...pb, moves: [...pb.moves, { ...m, text: 'Tip for {product}' }] }).playbook).not.toBeNull();
  });

  it('duplicates with a free id; a copy never confirms resolution', () => {
    const confirmIndex = pb.checklist.findIndex((s) => s.confirmsResolution);
    const copy = duplicateStep(pb.checklist, confirmIndex, ' (copy)')!;
    expect(copy.id).toBe('confirm-fixed-copy');
    expect(copy.confirmsResolution).toBeUndefined();
    expect(copy.title).toMatch(/\(copy\)$/);
    expect(duplicateMove(pb.moves, 0, ' (copy)')?.id).toBe('warranty-reassurance-copy');
    expect(duplicateStep(pb.checklist, 99, '')).toBeNull();
  });

  it('keeps exactly one confirming step', () => {
    const list = setConfirming(pb.checklist, 0, true);
    expect(list.filter((s) => s.confirmsResolution).map((s) => s.id)).toEqual(['greet']);
    expect(setConfirming(list, 0, false).some((s) => s.confirmsResolution)).toBe(false);
    expect('confirmsResolution' in (setConfirming(list, 0, false)[0] ?? {})).toBe(false);
  });

  it('renames a step and every reference to it', () => {
    const i = pb.checklist.findIndex((s) => s.id === 'verify');
    const renamed = renameStep(pb, i, 'look-up');
    expect(renamed.checklist[i]?.id).toBe('look-up');
    const refs = renamed.moves.flatMap((m) => stepRefs(m.when));
    expect(refs).toContain('look-up');
    expect(refs).not.toContain('verify');
    expect(checkDraft(renamed).errors).toEqual([]);
  });

  it('lets the id of a new item follow its title until it is saved or edited', () => {
    const saved = new Set(['care-tip']);
    expect(idFollowingTitle({ id: 'new-move', title: 'New move' }, 'Smoothie tip', ['care-tip'], saved)).toBe('smoothie-tip');
    expect(idFollowingTitle({ id: 'smoothie-tip', title: 'Smoothie tip' }, 'Smoothie tips', [], saved)).toBe('smoothie-tips');
    // Taken ids get a suffix; an empty title keeps the last id.
    expect(idFollowingTitle({ id: 'new-move', title: 'New move' }, 'Care tip', ['care-tip'], saved)).toBe('care-tip-2');
    expect(idFollowingTitle({ id: 'x', title: 'X' }, '', [], saved)).toBe('x');
    // Saved, or edited by hand: it stays.
    expect(idFollowingTitle({ id: 'care-tip', title: 'Care tip' }, 'Other', [], saved)).toBe('care-tip');
    expect(idFollowingTitle({ id: 'my-own-id', title: 'New move' }, 'Other', [], saved)).toBe('my-own-id');
  });

  it('turns the A/B test on and off and copies the moves to B', () => {
    const on = enableAbTest(pb);
    expect(on.abTest).toMatchObject({ labelA: 'A', labelB: 'B', shareB: 0.5, movesB: [] });
    expect(enableAbTest(on)).toBe(on);
    const copied = copyMovesToB(on);
    expect(copied.abTest?.movesB).toBe(pb.moves);
    expect(checkDraft(copied).errors).toEqual([]);
    expect('abTest' in disableAbTest(copied)).toBe(false);
  });

  it('reports tone warnings without blocking', () => {
    const loud: Playbook = { ...pb, moves: [{ ...pb.moves[0]!, text: 'Buy the premium plan today only!' }] };
    const c = checkDraft(loud);
    expect(c.playbook).not.toBeNull();
    expect(c.warnings.filter((w) => w.path === 'moves[0].text').length).toBeGreaterThan(0);
  });
});
