/**
 * What a site adapter reads from a helpdesk page: the ticket context the playbook engine runs on.
 * Pure data — no DOM, no browser API — so the engine and its tests run in Node.
 */

export const HELPDESK_IDS = [
  'zendesk',
  'freshdesk',
  'salesforce',
  'intercom',
  'hubspot',
  'helpscout',
  'front',
  'zoho',
  'gorgias',
  'servicenow',
  'custom',
] as const;
export type HelpdeskId = (typeof HELPDESK_IDS)[number];

export const CHANNELS = ['chat', 'email', 'phone', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TICKET_STATUSES = ['open', 'pending', 'solved', 'other'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * `unknown`: the page showed no markup saying who wrote it. Such a message never counts as the agent's
 * (a customer's "anything else?" must not confirm resolution) and only makes customer conditions unknown.
 */
export const MESSAGE_ROLES = ['customer', 'agent', 'internal', 'unknown'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** One visible message. Used in memory for keyword conditions and never stored or logged. */
export interface TicketMessage {
  readonly role: MessageRole;
  readonly text: string;
}

export interface TicketContext {
  readonly helpdesk: HelpdeskId;
  /** The id as the product shows it (Zendesk "123", Salesforce "500…", ServiceNow "INC0010001"). */
  readonly ticketId: string;
  readonly subject: string;
  /** Display name as shown on the page; may be empty when the page does not show one. */
  readonly requesterName: string;
  /** Email or product-side id of the customer, raw. Hashed (salted) before anything is stored. */
  readonly customerKey: string | null;
  readonly channel: Channel;
  readonly status: TicketStatus;
  /** Lower-cased, trimmed, de-duplicated. */
  readonly tags: readonly string[];
  readonly product: string | null;
  readonly messages: readonly TicketMessage[];
}

/** Fields an adapter tries to read; diagnostics report each one. */
export const CONTEXT_FIELDS = [
  'ticketId',
  'subject',
  'requester',
  'customerKey',
  'channel',
  'status',
  'tags',
  'messages',
  'composer',
] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];

export interface FieldDiagnostic {
  readonly field: ContextField;
  readonly ok: boolean;
  /** Which selector (or "url", "title", "default") produced the value; absent when nothing matched. */
  readonly source?: string;
}

/** Where a read field came from, for site health: the helpdesk's own API, a selector, the URL, an admin override or a generic fallback. */
export const FIELD_SOURCES = ['api', 'selector', 'url', 'override', 'fallback'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

/** A field diagnostic with the kind of source that produced it (site health shows both). */
export interface SourcedDiagnostic extends FieldDiagnostic {
  readonly via?: FieldSource;
}

/** Fields an administrator can point at their own selectors (tried before the built-in ones). */
export const OVERRIDE_FIELDS = ['ticketRoot', 'ticketId', 'subject', 'requester', 'customerKey', 'status', 'channel', 'tags', 'messages', 'composer'] as const;
export type OverrideField = (typeof OVERRIDE_FIELDS)[number];
/** Per field, CSS selectors to try first, in order. */
export type SiteOverrides = Partial<Record<OverrideField, readonly string[]>>;
