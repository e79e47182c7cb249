/**
 * Visits every condition node with its path and depth, iteratively — validation and lint walk author
 * data and must not recurse on it.
 */
import type { Condition } from './types';

export function walkCondition(root: Condition, rootPath: string, visit: (c: Condition, path: string, depth: number) => void): void {
  const stack: { c: Condition; path: string; depth: number }[] = [{ c: root, path: rootPath, depth: 1 }];
  while (stack.length > 0) {
    const { c, path, depth } = stack.pop() as { c: Condition; path: string; depth: number };
    visit(c, path, depth);
    // Children pushed in reverse so they are visited in document order.
    if ('all' in c) for (let i = c.all.length - 1; i >= 0; i--) stack.push({ c: c.all[i] as Condition, path: `${path}.all[${i}]`, depth: depth + 1 });
    else if ('any' in c) for (let i = c.any.length - 1; i >= 0; i--) stack.push({ c: c.any[i] as Condition, path: `${path}.any[${i}]`, depth: depth + 1 });
    else if ('not' in c) stack.push({ c: c.not, path: `${path}.not`, depth: depth + 1 });
  }
}

export interface ConditionRoot {
  readonly condition: Condition;
  readonly path: string;
}

/** Every top-level condition of a playbook-shaped object, with its path. */
export function conditionRoots(pb: {
  readonly checklist: readonly { readonly when?: Condition; readonly autoComplete?: Condition }[];
  readonly moves: readonly { readonly when: Condition }[];
  readonly resolutionRule?: Condition;
  readonly abTest?: { readonly movesB: readonly { readonly when: Condition }[] };
}): ConditionRoot[] {
  const roots: ConditionRoot[] = [];
  pb.checklist.forEach((s, i) => {
    if (s.when) roots.push({ condition: s.when, path: `checklist[${i}].when` });
    if (s.autoComplete) roots.push({ condition: s.autoComplete, path: `checklist[${i}].autoComplete` });
  });
  pb.moves.forEach((m, i) => {
    roots.push({ condition: m.when, path: `moves[${i}].when` });
  });
  if (pb.resolutionRule) roots.push({ condition: pb.resolutionRule, path: 'resolutionRule' });
  pb.abTest?.movesB.forEach((m, i) => {
    roots.push({ condition: m.when, path: `abTest.movesB[${i}].when` });
  });
  return roots;
}
