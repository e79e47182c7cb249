/**
 * Live-chat rules, pure: which stage a conversation is in (for the rep's list of open chats), when to
 * ask how the customer took an offer (they wrote again after it), what their reply's words suggest (a
 * suggestion only — the rep records the outcome), and which key does what in the panel.
 */
import type { Outcome, SkipReason } from '../log/types';
import { SKIP_REASONS } from '../log/types';
import type { TicketMessage } from '../ticket/types';
import type { TicketState } from './types';

export const STAGES = ['resolving', 've-ready', 'outcome-pending', 'wrap-up', 'finished'] as const;
export type Stage = (typeof STAGES)[number];

/** How many messages the customer has written so far (the reply count an offer is compared against). */
export function customerMessageCount(messages: readonly TicketMessage[] | undefined): number {
  return messages?.filter((m) => m.role === 'customer').length ?? 0;
}

/** The move offered and still waiting for its outcome, the latest offer first; null when none waits. */
export function awaitingOutcome(state: TicketState): string | null {
  let best: { id: string; at: number } | null = null;
  for (const [id, m] of Object.entries(state.moves)) {
    if (m.outcome === 'offered' && m.offeredAt !== undefined && (!best || m.offeredAt >= best.at)) best = { id, at: m.offeredAt };
  }
  return best?.id ?? null;
}

/**
 * The conversation's stage: resolving until resolution is confirmed; then VE ready while moves can be
 * offered; outcome pending while an offer waits for the customer's answer; wrap-up once every offer has
 * its outcome (or none is left to offer); finished after Finish.
 */
export function stageOf(state: TicketState, eligibleMoves: number): Stage {
  if (state.ended) return 'finished';
  if (state.resolvedAt === null) return 'resolving';
  if (awaitingOutcome(state)) return 'outcome-pending';
  const open = eligibleMoves - Object.values(state.moves).filter((m) => m.outcome !== undefined).length;
  return open > 0 && !Object.values(state.moves).some((m) => m.outcome && m.outcome !== 'offered') ? 've-ready' : 'wrap-up';
}

/**
 * The move to ask about: an offer still "offered" after which the customer wrote again. `customerMessages`
 * is the count now; the offer remembered the count when it was made.
 */
export function outcomePrompt(state: TicketState, customerMessages: number): string | null {
  const id = awaitingOutcome(state);
  if (!id) return null;
  const at = state.moves[id]?.customerMessagesAtOffer;
  return at !== undefined && customerMessages > at ? id : null;
}

// Whole words or phrases, matched on the lower-cased reply with accents removed (English and Spanish).
const DECLINE = ['no thanks', 'no thank you', 'not interested', 'not now', 'no need', "don't need", 'dont need', 'no gracias', 'no me interesa', 'no hace falta', 'no necesito', 'ahora no'];
const ACCEPT = ['thanks', 'thank you', 'great', 'perfect', 'sounds good', 'will do', "i'll try", 'ill try', 'helpful', 'love it', 'awesome', 'gracias', 'genial', 'perfecto', 'lo probare', 'me sirve', 'util', 'excelente'];

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’`]/g, "'");
const has = (text: string, phrase: string) => new RegExp(`(^|[^\\p{L}'])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}'])`, 'u').test(text);

/**
 * What the customer's reply suggests: declined when it turns the offer down, accepted when it welcomes
 * it, null when the words do not say. A refusal wins over thanks ("no thanks" is both).
 */
export function suggestOutcome(reply: string): Extract<Outcome, 'accepted' | 'declined'> | null {
  const text = fold(reply);
  if (DECLINE.some((p) => has(text, p))) return 'declined';
  if (ACCEPT.some((p) => has(text, p))) return 'accepted';
  return null;
}

/** The customer's latest message (the reply the prompt is about), or '' when there is none. */
export function latestCustomerText(messages: readonly TicketMessage[] | undefined): string {
  const mine = messages?.filter((m) => m.role === 'customer') ?? [];
  return mine[mine.length - 1]?.text ?? '';
}

/** A panel command, whatever key or button asked for it. */
export type PanelCommand =
  | { readonly type: 'next-move' }
  | { readonly type: 'previous-move' }
  | { readonly type: 'insert' }
  | { readonly type: 'copy' }
  | { readonly type: 'outcome'; readonly outcome: Outcome }
  | { readonly type: 'skip-reason'; readonly reason: SkipReason }
  | { readonly type: 'ask-ves' }
  | { readonly type: 'tick-step' }
  | { readonly type: 'finish' }
  | { readonly type: 'help' }
  | { readonly type: 'next-chat' }
  | { readonly type: 'previous-chat' };

/** The panel's keys (plain keys, acting only while focus is in the panel): key → command, in help order. */
export const PANEL_KEYS: readonly (readonly [string, PanelCommand])[] = [
  ['j', { type: 'next-move' }],
  ['k', { type: 'previous-move' }],
  ['i', { type: 'insert' }],
  ['c', { type: 'copy' }],
  ['1', { type: 'outcome', outcome: 'offered' }],
  ['2', { type: 'outcome', outcome: 'accepted' }],
  ['3', { type: 'outcome', outcome: 'declined' }],
  ['4', { type: 'outcome', outcome: 'not-a-fit' }],
  ['t', { type: 'tick-step' }],
  ['v', { type: 'ask-ves' }],
  ['f', { type: 'finish' }],
  [']', { type: 'next-chat' }],
  ['[', { type: 'previous-chat' }],
  ['?', { type: 'help' }],
];

/** While the not-a-fit reasons are asked: a, b, c … pick the reasons in their listed order. */
export const REASON_KEYS: readonly (readonly [string, SkipReason])[] = SKIP_REASONS.map((r, i) => [String.fromCharCode(97 + i), r] as const);

/**
 * The command for a key press, or null. `askingReason` switches letters to the reason keys (the reason
 * question is the one thing on screen then). Chords with Ctrl/Alt/Meta are the browser's or the page's.
 */
export function commandForKey(key: string, mods: { ctrl: boolean; alt: boolean; meta: boolean }, askingReason: boolean): PanelCommand | null {
  if (mods.ctrl || mods.alt || mods.meta) return null;
  if (askingReason) {
    const reason = REASON_KEYS.find(([k]) => k === key)?.[1];
    if (reason) return { type: 'skip-reason', reason };
  }
  return PANEL_KEYS.find(([k]) => k === key)?.[1] ?? null;
}

/** Index after moving `delta` through `count` items from `current`, wrapping; 0 for an empty list. */
export function stepIndex(current: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return (((current + delta) % count) + count) % count;
}

/** The VES questions as the customer reads them: the playbook's wording where it has one, else the defaults. */
export interface VesWording {
  readonly intro: string;
  readonly achieveMore: string;
  readonly confidence: string;
  readonly effort: string;
}

/**
 * The text "Ask in chat" inserts: an intro, the two Gartner statements (agree 1–5) and the effort
 * question (1–7), numbered so the customer can answer in one line.
 */
export function vesAskText(custom: Partial<VesWording> | undefined, defaults: VesWording): string {
  const w = { ...defaults, ...Object.fromEntries(Object.entries(custom ?? {}).filter(([, v]) => typeof v === 'string' && v.trim())) } as VesWording;
  return [w.intro, `1. ${w.achieveMore}`, `2. ${w.confidence}`, `3. ${w.effort}`].join('\n');
}
