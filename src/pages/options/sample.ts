/**
 * The live preview's sample ticket and how the engine sees it. The preview runs exactly what the overlay
 * runs — the A/B variant for the ticket id, `evaluate`, and the auto-ticks the overlay would apply — with
 * no customer history (as for a first contact).
 */
import { type ChecklistEntry, english, type Evaluation, evaluate, type Playbook, resolveVariant } from '../../core/playbook';
import type { Channel, HelpdeskId, TicketContext, TicketStatus } from '../../core/ticket/types';
import { MINUTE_MS } from '../../core/playbook/limits';

export interface SampleTicket {
  readonly ticketId: string;
  readonly helpdesk: HelpdeskId;
  readonly subject: string;
  readonly requesterName: string;
  readonly channel: Channel;
  readonly status: TicketStatus;
  readonly tags: readonly string[];
  readonly product: string;
  readonly customerMessage: string;
  readonly agentMessage: string;
  readonly elapsedMinutes: number;
  /** Steps the rep has ticked. */
  readonly done: readonly string[];
}

export function sampleContext(s: SampleTicket): TicketContext {
  const messages = [
    ...(s.customerMessage.trim() ? [{ role: 'customer' as const, text: s.customerMessage }] : []),
    ...(s.agentMessage.trim() ? [{ role: 'agent' as const, text: s.agentMessage }] : []),
  ];
  return {
    helpdesk: s.helpdesk,
    ticketId: s.ticketId,
    subject: s.subject,
    requesterName: s.requesterName,
    customerKey: null,
    channel: s.channel,
    status: s.status,
    tags: [...new Set(s.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))],
    product: s.product.trim() || null,
    messages,
  };
}

export interface Preview {
  /** The A/B label this ticket id gets, '' without a test. */
  readonly variant: string;
  readonly evaluation: Evaluation;
  /** Steps the overlay would tick by itself on this ticket. */
  readonly autoTicked: readonly string[];
}

export function previewSample(pb: Playbook, s: SampleTicket, now: number): Preview {
  const { playbook, variant } = resolveVariant(pb, s.ticketId || 'sample');
  const context = sampleContext(s);
  const checklist: Record<string, ChecklistEntry> = {};
  for (const id of s.done) checklist[id] = { doneAt: now - MINUTE_MS, auto: false };
  const autoTicked: string[] = [];
  const startedAt = now - Math.max(0, Number.isFinite(s.elapsedMinutes) ? s.elapsedMinutes : 0) * MINUTE_MS;
  let evaluation = evaluate(playbook, { context, checklist, suppressedAuto: [], startedAt, now, history: [], say: english });
  // The overlay ticks auto-complete steps and evaluates again; one tick can unlock another.
  for (let round = 0; round <= playbook.checklist.length && evaluation.autoComplete.length > 0; round++) {
    for (const id of evaluation.autoComplete) {
      checklist[id] = { doneAt: now, auto: true };
      autoTicked.push(id);
    }
    evaluation = evaluate(playbook, { context, checklist: { ...checklist }, suppressedAuto: [], startedAt, now, history: [], say: english });
  }
  return { variant, evaluation, autoTicked };
}
