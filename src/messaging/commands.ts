/**
 * Worker → content script messages of the one protocol (re-exported by protocol.ts): the keyboard
 * shortcuts, sent to the active tab. Checked on receipt like every message — exactly `{rp: 1, command}`
 * with a known command, nothing more — by hand rather than with the schema library, so the content
 * script does not bundle it (its size budget is 25 kB).
 */
export const CONTENT_COMMANDS = ['toggle-panel', 'tick-next-step', 'insert-top-move', 'record-outcome'] as const;
export type ContentCommand = (typeof CONTENT_COMMANDS)[number];

export interface CommandMessage {
  readonly rp: 1;
  readonly command: ContentCommand;
}

const isCommand = (x: unknown): x is ContentCommand => typeof x === 'string' && (CONTENT_COMMANDS as readonly string[]).includes(x);

/** The command a worker message carries, or null for anything else (unknown, malformed, extra fields). */
export function parseCommand(message: unknown): ContentCommand | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const keys = Reflect.ownKeys(message);
  if (keys.length !== 2 || !keys.includes('rp') || !keys.includes('command')) return null;
  const { rp, command } = message as { rp: unknown; command: unknown };
  return rp === 1 && isCommand(command) ? command : null;
}

/** `chrome.commands` names a shortcut with any string; only ours become a message. */
export function commandMessage(command: string): CommandMessage | null {
  return isCommand(command) ? { rp: 1, command } : null;
}
