/**
 * Edits on the playbook draft that involve more than one field: new and duplicated steps and moves, the
 * single resolution-confirming step, step renames (references follow), the A/B test, and validation.
 */
import { type Condition, lintPlaybook, type Move, type Playbook, type PlaybookIssue, parsePlaybook, type Step } from '../../core/playbook';
import { renameStepRefs } from './condition-tree';
import { uniqueId } from './list-ops';

export function newStep(checklist: readonly Step[], title: string): Step {
  return { id: uniqueId(title || 'step', checklist.map((s) => s.id)), title, required: false };
}

export function newMove(moves: readonly Move[], title: string): Move {
  return { id: uniqueId(title || 'move', moves.map((m) => m.id)), kind: 'usage-tip', title, text: '', when: { all: [] }, priority: 50, cooldownDays: 30 };
}

/** A copy placed after the original, with a free id; a copied step never takes over confirming resolution. */
export function duplicateStep(checklist: readonly Step[], index: number, titleSuffix: string): Step | null {
  const s = checklist[index];
  if (s === undefined) return null;
  const { confirmsResolution: _c, ...rest } = s;
  return { ...rest, id: uniqueId(`${s.id}-copy`, checklist.map((x) => x.id)), title: `${s.title}${titleSuffix}`.slice(0, 120) };
}

export function duplicateMove(moves: readonly Move[], index: number, titleSuffix: string): Move | null {
  const m = moves[index];
  if (m === undefined) return null;
  return { ...m, id: uniqueId(`${m.id}-copy`, moves.map((x) => x.id)), title: `${m.title}${titleSuffix}`.slice(0, 120) };
}

/** Only one step confirms resolution: ticking it on one step clears it on the others. */
export function setConfirming(checklist: readonly Step[], index: number, on: boolean): Step[] {
  return checklist.map((s, i) => {
    const confirms = i === index ? on : on ? false : s.confirmsResolution === true;
    if (confirms) return { ...s, confirmsResolution: true };
    const { confirmsResolution: _c, ...rest } = s;
    return rest;
  });
}

/** Applies `fn` to every condition root of the playbook. */
export function mapConditions(pb: Playbook, fn: (c: Condition) => Condition): Playbook {
  const moves = (list: readonly Move[]) => list.map((m) => ({ ...m, when: fn(m.when) }));
  const out: Playbook = {
    ...pb,
    checklist: pb.checklist.map((s) => {
      let step = s;
      if (s.when) step = { ...step, when: fn(s.when) };
      if (s.autoComplete) step = { ...step, autoComplete: fn(s.autoComplete) };
      return step;
    }),
    moves: moves(pb.moves),
  };
  let next = out;
  if (pb.resolutionRule) next = { ...next, resolutionRule: fn(pb.resolutionRule) };
  if (pb.abTest) next = { ...next, abTest: { ...pb.abTest, movesB: moves(pb.abTest.movesB) } };
  return next;
}

/** Changes step `index`'s id and every `stepDone` that referred to the old id. */
export function renameStep(pb: Playbook, index: number, id: string): Playbook {
  const old = pb.checklist[index]?.id;
  if (old === undefined || old === id) return pb;
  const checklist = pb.checklist.map((s, i) => (i === index ? { ...s, id } : s));
  // Only follow when the old id was unique: with a duplicate id the references stay with the other step.
  if (pb.checklist.filter((s) => s.id === old).length > 1) return { ...pb, checklist };
  return mapConditions({ ...pb, checklist }, (c) => renameStepRefs(c, old, id));
}

/**
 * A new (never saved) item whose id was made from its title keeps following the title, so authors who
 * never look at ids still get readable ones; once saved, or once the author edits the id, it stays.
 */
export function idFollowingTitle(item: { readonly id: string; readonly title: string }, title: string, otherIds: readonly string[], savedIds: ReadonlySet<string>): string {
  if (savedIds.has(item.id) || item.id !== uniqueId(item.title, otherIds)) return item.id;
  return uniqueId(title || item.title, otherIds);
}

export const DEFAULT_AB = { labelA: 'A', labelB: 'B', shareB: 0.5 } as const;

export function enableAbTest(pb: Playbook): Playbook {
  if (pb.abTest) return pb;
  return { ...pb, abTest: { ...DEFAULT_AB, movesB: [] } };
}

export function disableAbTest(pb: Playbook): Playbook {
  const { abTest: _drop, ...rest } = pb;
  return rest;
}

export function copyMovesToB(pb: Playbook): Playbook {
  const test = pb.abTest ?? { ...DEFAULT_AB, movesB: [] };
  return { ...pb, abTest: { ...test, movesB: pb.moves } };
}

export interface Checked {
  /** The validated, frozen playbook; null while there are errors. */
  readonly playbook: Playbook | null;
  readonly errors: readonly PlaybookIssue[];
  readonly warnings: readonly PlaybookIssue[];
}

/** Schema errors (blocking) and lint warnings (not blocking) for the draft. */
export function checkDraft(draft: Playbook): Checked {
  const r = parsePlaybook(draft);
  let warnings: PlaybookIssue[] = [];
  try {
    warnings = lintPlaybook(r.ok ? r.playbook : draft);
  } catch {
    // An invalid draft can have shapes lint does not expect; its errors are what matter then.
  }
  return r.ok ? { playbook: r.playbook, errors: [], warnings } : { playbook: null, errors: r.errors, warnings };
}
