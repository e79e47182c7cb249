/**
 * The "team bundle": one JSON file a team lead hands to every rep when the team has no policy tools —
 * playbook(s), the shared customer-key salt, custom sites, switched-off helpdesks and the team-mode
 * configuration. Validated here with errors by path (`playbooks[1].moves[3].text: …`); the team
 * configuration object belongs to team mode and is passed through as `unknown` (it validates its own).
 * Enterprise policy wins over a bundle, key by key.
 */
import * as v from 'valibot';
import { parsePlaybook } from '../playbook';
import { HELPDESK_IDS, type HelpdeskId } from '../ticket/types';
import { SALT_PATTERN } from './policy';

export const TEAM_BUNDLE_FORMAT = 'resolve-plus-team-bundle';
/** Whole-file bound before parsing: a bundle is a few playbooks, never megabytes. */
export const MAX_BUNDLE_CHARS = 2_000_000;

const BundleShape = v.strictObject({
  format: v.literal(TEAM_BUNDLE_FORMAT, `must be "${TEAM_BUNDLE_FORMAT}"`),
  version: v.literal(1, 'must be 1'),
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be blank'), v.maxLength(100, 'is longer than 100 characters'))),
  playbooks: v.optional(v.pipe(v.array(v.unknown()), v.minLength(1, 'must list at least one playbook'), v.maxLength(20, 'lists more than 20 playbooks'))),
  hashSalt: v.optional(
    v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(SALT_PATTERN, 'must be 16 to 128 hexadecimal characters')),
  ),
  customSites: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(50, 'lists more than 50 sites'))),
  disabledSites: v.optional(v.array(v.picklist(HELPDESK_IDS, `must be one of ${HELPDESK_IDS.join(', ')}`))),
  team: v.optional(v.unknown()),
});

export interface TeamBundle {
  readonly name: string | null;
  /** Valid playbooks, in the bundle's order (the first whose `appliesTo` matches a ticket runs). */
  readonly playbooks: readonly unknown[];
  readonly hashSalt: string | null;
  readonly customSites: readonly unknown[];
  readonly disabledSites: readonly HelpdeskId[];
  /** The team-mode configuration, unvalidated here (team mode reads config key 'team'). */
  readonly team: unknown;
}

export interface BundleError {
  readonly path: string;
  readonly message: string;
}

export type BundleResult = { readonly ok: true; readonly bundle: TeamBundle } | { readonly ok: false; readonly errors: readonly BundleError[] };

/** Checks one custom site; injected because the site schema lives with the adapters, outside core. */
export type SiteCheck = (raw: unknown) => { ok: true } | { ok: false; errors: readonly BundleError[] };

const at = (prefix: string, path: string) => (path && path !== '$' ? `${prefix}.${path}`.replace(/\.\[/g, '[') : prefix);

export function parseTeamBundle(raw: unknown, checkSite: SiteCheck): BundleResult {
  const shape = v.safeParse(BundleShape, raw, { abortEarly: false });
  if (!shape.success) {
    return { ok: false, errors: shape.issues.slice(0, 20).map((i) => ({ path: v.getDotPath(i) ?? '$', message: i.message })) };
  }
  const b = shape.output;
  const errors: BundleError[] = [];
  const playbooks: unknown[] = [];
  (b.playbooks ?? []).forEach((pb, i) => {
    const r = parsePlaybook(pb);
    if (r.ok) playbooks.push(r.playbook);
    else for (const e of r.errors.slice(0, 5)) errors.push({ path: at(`playbooks[${i}]`, e.path), message: e.message });
  });
  (b.customSites ?? []).forEach((site, i) => {
    const r = checkSite(site);
    if (!r.ok) for (const e of r.errors.slice(0, 5)) errors.push({ path: at(`customSites[${i}]`, e.path), message: e.message });
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, 20) };
  return {
    ok: true,
    bundle: {
      name: b.name ?? null,
      playbooks,
      hashSalt: b.hashSalt ?? null,
      customSites: b.customSites ?? [],
      disabledSites: b.disabledSites ?? [],
      team: b.team ?? null,
    },
  };
}

/** Parses file text first (a JSON syntax error is reported at `$`). */
export function parseTeamBundleText(text: string, checkSite: SiteCheck): BundleResult {
  if (text.length > MAX_BUNDLE_CHARS) return { ok: false, errors: [{ path: '$', message: 'the file is larger than 2 MB' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return parseTeamBundle(raw, checkSite);
}
