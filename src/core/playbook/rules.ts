/**
 * Cross-field rules the schema cannot express: unique ids, step references, no cycles among steps,
 * known placeholders, one way to confirm resolution, bounded condition depth. Runs on schema-valid data.
 */
import { PLAYBOOK_LIMITS } from './limits';
import { PLACEHOLDERS, unknownPlaceholders } from './placeholders';
import type { Condition, Move, Playbook, PlaybookIssue, Step } from './types';
import { conditionRoots, walkCondition } from './walk';

const PLACEHOLDER_LIST = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

export function checkRules(pb: Playbook): PlaybookIssue[] {
  const errors: PlaybookIssue[] = [];
  const stepIds = checkUniqueIds(pb.checklist, 'checklist', 'step', errors);
  checkUniqueIds(pb.moves, 'moves', 'move', errors);
  if (pb.abTest) {
    checkUniqueIds(pb.abTest.movesB, 'abTest.movesB', 'move', errors);
    if (pb.abTest.labelA === pb.abTest.labelB) errors.push({ path: 'abTest.labelB', message: 'must differ from labelA' });
  }

  for (const { condition, path } of conditionRoots(pb)) {
    let tooDeep = false;
    walkCondition(condition, path, (c, at, depth) => {
      if (depth > PLAYBOOK_LIMITS.maxConditionDepth && !tooDeep) {
        tooDeep = true;
        errors.push({ path: at, message: `conditions are nested deeper than ${PLAYBOOK_LIMITS.maxConditionDepth} levels` });
      }
      if ('stepDone' in c && !stepIds.has(c.stepDone)) errors.push({ path: `${at}.stepDone`, message: `unknown step ${JSON.stringify(c.stepDone)}` });
      if (path === 'resolutionRule' && 'resolutionConfirmed' in c) {
        errors.push({ path: `${at}.resolutionConfirmed`, message: 'the resolution rule cannot depend on resolutionConfirmed (it defines it)' });
      }
    });
  }

  checkPlaceholders(pb.moves, 'moves', errors);
  if (pb.abTest) checkPlaceholders(pb.abTest.movesB, 'abTest.movesB', errors);
  checkResolution(pb, errors);
  checkCycles(pb, errors);
  return errors.slice(0, PLAYBOOK_LIMITS.maxErrors);
}

function checkUniqueIds(items: readonly { readonly id: string }[], path: string, what: string, errors: PlaybookIssue[]): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else errors.push({ path: `${path}[${i}].id`, message: `duplicate ${what} id ${JSON.stringify(item.id)} (also ${path}[${seen}])` });
  });
  return new Set(first.keys());
}

function checkPlaceholders(moves: readonly Move[], path: string, errors: PlaybookIssue[]): void {
  moves.forEach((m, i) => {
    for (const token of unknownPlaceholders(m.text)) {
      errors.push({ path: `${path}[${i}].text`, message: `unknown placeholder ${JSON.stringify(token)}; available: ${PLACEHOLDER_LIST}` });
    }
  });
}

function checkResolution(pb: Playbook, errors: PlaybookIssue[]): void {
  const confirming = pb.checklist.flatMap((s, i) => (s.confirmsResolution ? [i] : []));
  if (confirming.length === 0 && pb.resolutionRule === undefined) {
    errors.push({
      path: 'checklist',
      message: 'nothing confirms resolution: set "confirmsResolution": true on one step or add a "resolutionRule" (moves wait for it)',
    });
  }
  for (const i of confirming.slice(1)) {
    errors.push({ path: `checklist[${i}].confirmsResolution`, message: `only one step can confirm resolution (checklist[${confirming[0]}] already does)` });
  }
  const first = confirming[0];
  if (first !== undefined && pb.checklist[first]?.when !== undefined) {
    errors.push({ path: `checklist[${first}].when`, message: 'the step that confirms resolution must always apply; remove "when"' });
  }
}

/**
 * A step's `when`/`autoComplete` may wait for other steps; if those wait for it in turn, none can ever
 * apply. `resolutionConfirmed` depends on the confirming step and on whatever the resolution rule reads.
 */
function checkCycles(pb: Playbook, errors: PlaybookIssue[]): void {
  const index = new Map(pb.checklist.map((s, i) => [s.id, i]));
  const confirmingId = pb.checklist.find((s) => s.confirmsResolution)?.id;
  const ruleRefs = pb.resolutionRule ? refsOf(pb.resolutionRule, null) : [];
  const resolutionRefs = confirmingId === undefined ? ruleRefs : [confirmingId, ...ruleRefs];
  const edges = pb.checklist.map((s: Step) => {
    const refs = [...(s.when ? refsOf(s.when, resolutionRefs) : []), ...(s.autoComplete ? refsOf(s.autoComplete, resolutionRefs) : [])];
    return [...new Set(refs)].flatMap((id) => {
      const j = index.get(id);
      return j === undefined ? [] : [j];
    });
  });

  // Iterative DFS: 0 = unvisited, 1 = on the current path, 2 = finished.
  const state = new Array<number>(edges.length).fill(0);
  for (let start = 0; start < edges.length; start++) {
    if (state[start] !== 0) continue;
    const path: number[] = [start];
    const next: number[] = [0];
    state[start] = 1;
    while (path.length > 0) {
      const node = path[path.length - 1] as number;
      const out = edges[node] as number[];
      const k = next[next.length - 1] as number;
      if (k >= out.length) {
        state[node] = 2;
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = k + 1;
      const to = out[k] as number;
      if (state[to] === 1) {
        const cycle = [...path.slice(path.indexOf(to)), to].map((i) => pb.checklist[i]?.id);
        errors.push({ path: `checklist[${to}]`, message: `steps depend on each other in a cycle: ${cycle.join(' → ')}` });
        return;
      }
      if (state[to] === 0) {
        state[to] = 1;
        path.push(to);
        next.push(0);
      }
    }
  }
}

/** Step ids a condition reads; `resolutionConfirmed` reads whatever confirms resolution. */
function refsOf(c: Condition, resolutionRefs: readonly string[] | null): string[] {
  const refs: string[] = [];
  walkCondition(c, '', (node) => {
    if ('stepDone' in node) refs.push(node.stepDone);
    else if ('resolutionConfirmed' in node && resolutionRefs) refs.push(...resolutionRefs);
  });
  return refs;
}
