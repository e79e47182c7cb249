/** Duplicate counts for the durability test (test/e2e/durability.test.ts), unit-tested on their own. */

export type Stored = { id: string; type: string; interactionId: string; at: number; stepId?: string; moveId?: string; outcome?: string };
export type StoredAttempt = { id: string; interactionId: string; ticketId: string; moveId: string; outcome: string | null };

/**
 * Where a duplicate could appear despite event ids being keys (a replay that re-creates an event under a
 * new id, or a derived record written twice):
 *  - step events: each click toggles a step, so two completions (or two undos) of the same step in a row
 *    within an interaction are one click logged twice;
 *  - attempts: one per move per ticket visit; two attempts for the same ticket and move are duplicates,
 *    and so is a second outcome event for an attempt where the flow records one outcome (as the test does);
 *  - interactions: at most one still open per ticket.
 */
export function countDuplicates(events: readonly Stored[], attempts: readonly StoredAttempt[], interactions: readonly { id: string; ticketId: string; endedAt: number | null }[]) {
  const byStep = new Map<string, Stored[]>();
  for (const e of events) {
    if (e.type !== 'step-completed' && e.type !== 'step-undone') continue;
    const key = `${e.interactionId}|${e.stepId}`;
    byStep.set(key, [...(byStep.get(key) ?? []), e]);
  }
  let steps = 0;
  for (const list of byStep.values()) {
    list.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    for (let i = 1; i < list.length; i++) if (list[i]!.type === list[i - 1]!.type) steps++;
  }
  const perMove = new Map<string, number>();
  for (const a of attempts) perMove.set(`${a.ticketId}|${a.moveId}`, (perMove.get(`${a.ticketId}|${a.moveId}`) ?? 0) + 1);
  const attemptDuplicates = [...perMove.values()].reduce((n, c) => n + c - 1, 0);
  const outcomes = new Map<string, number>();
  for (const e of events) if (e.type === 'move-outcome') outcomes.set(`${e.interactionId}|${e.moveId}`, (outcomes.get(`${e.interactionId}|${e.moveId}`) ?? 0) + 1);
  const outcomeDuplicates = [...outcomes.values()].reduce((n, c) => n + c - 1, 0);
  const open = new Map<string, number>();
  for (const i of interactions) if (i.endedAt === null) open.set(i.ticketId, (open.get(i.ticketId) ?? 0) + 1);
  const openDuplicates = [...open.values()].reduce((n, c) => n + c - 1, 0);
  return { steps, attempts: attemptDuplicates, outcomes: outcomeDuplicates, openInteractions: openDuplicates };
}

