/** Every `storage.local` key the extension uses, in one place. None holds conversation text. */
export const KEYS = {
  settings: 'settings',
  /** Local playbooks: { current: Playbook | null, history: Playbook[] } — see src/background/playbooks.ts. */
  playbooks: 'playbooks',
  hashSalt: 'hashSalt',
  /** Prefix of outbox entries: `outbox:<eventId>` → one LogEvent not yet acknowledged. One key per event, so
   *  the page and the worker never read-modify-write the same value. */
  outboxPrefix: 'outbox:',
  /** Prefix of per-ticket panel state: `ticket:<helpdesk>:<ticketId>` → TicketState. */
  ticketPrefix: 'ticket:',
  /** Panel position/collapsed per helpdesk: `panel:<helpdesk>`. */
  panelPrefix: 'panel:',
  /** Last read diagnostics per helpdesk: `health:<helpdesk>` → { at, url path shape, diagnostics } (options page). */
  healthPrefix: 'health:',
  /** The worker's copy of the last enterprise policy it read (see src/background/policy.ts). */
  policyMirror: 'policyMirror',
  /** Set by the worker when IndexedDB refused a write (quota, unavailable); cleared when a write succeeds. */
  storageProblem: 'storageProblem',
} as const;
