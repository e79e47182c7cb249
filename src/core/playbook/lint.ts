/**
 * Warnings for a valid playbook: things an author should look at but that do not make it unusable.
 * Kept apart from validation errors so an import can succeed and still show them.
 */
import { toneCheck } from './tone';
import type { Move, Playbook, PlaybookIssue } from './types';
import { conditionRoots, walkCondition } from './walk';

const MARKUP = /<\s*\/?\s*[a-z][^>]*>|javascript\s*:/i;
const MARKUP_MESSAGE = 'looks like HTML or script; it is shown and sent as plain text, never run';

export function lintPlaybook(pb: Playbook): PlaybookIssue[] {
  const warnings: PlaybookIssue[] = [];
  lintMoves(pb.moves, 'moves', warnings);
  if (pb.abTest) lintMoves(pb.abTest.movesB, 'abTest.movesB', warnings);

  pb.checklist.forEach((s, i) => {
    if (MARKUP.test(s.title)) warnings.push({ path: `checklist[${i}].title`, message: MARKUP_MESSAGE });
    if (s.help !== undefined && MARKUP.test(s.help)) warnings.push({ path: `checklist[${i}].help`, message: MARKUP_MESSAGE });
  });

  const moveIds = new Set([...pb.moves, ...(pb.abTest?.movesB ?? [])].map((m) => m.id));
  for (const { condition, path } of conditionRoots(pb)) {
    walkCondition(condition, path, (c, at) => {
      const moveId = 'priorAttempts' in c ? c.priorAttempts.moveId : 'priorOutcome' in c ? c.priorOutcome.moveId : undefined;
      if (moveId !== undefined && !moveIds.has(moveId)) {
        const field = 'priorAttempts' in c ? 'priorAttempts' : 'priorOutcome';
        warnings.push({ path: `${at}.${field}.moveId`, message: `no move ${JSON.stringify(moveId)} in this playbook (fine if it was in an earlier version)` });
      }
    });
  }
  return warnings;
}

function lintMoves(moves: readonly Move[], path: string, warnings: PlaybookIssue[]): void {
  moves.forEach((m, i) => {
    for (const field of ['title', 'text'] as const) {
      for (const w of toneCheck(m[field])) warnings.push({ path: `${path}[${i}].${field}`, message: w.message });
      if (MARKUP.test(m[field])) warnings.push({ path: `${path}[${i}].${field}`, message: MARKUP_MESSAGE });
    }
  });
}
