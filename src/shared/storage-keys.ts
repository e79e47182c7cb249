/**
 * Every `storage.local` key the extension uses, in one place. None holds conversation text, and none holds
 * trusted configuration: content scripts (so a compromised helpdesk renderer) can read and write this area.
 * Settings, playbooks, the policy mirror and the salt live in the worker's `config` store
 * (src/storage/config-repo.ts); the keys below marked "legacy" are only read once, to move them there.
 */
export const KEYS = {
  /** Legacy (moved to the config store on update; see src/background/config-migrate.ts). */
  settings: 'settings',
  /** Legacy (moved to the config store on update). */
  playbooks: 'playbooks',
  /** Legacy (moved to the config store on update). */
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
  /** Legacy (moved to the config store on update). */
  policyMirror: 'policyMirror',
  /** Set by the worker when IndexedDB refused a write (quota, unavailable); cleared when a write succeeds. */
  storageProblem: 'storageProblem',
  /** Non-secret counter the worker changes after every config write: panels and pages then ask again. */
  configChanged: 'configChanged',
} as const;
