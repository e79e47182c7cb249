/** Playbook files: what export writes and what import accepts (the engine's own `parsePlaybookJson`). */
import { formatIssueText, lintPlaybook, PLAYBOOK_LIMITS, type Playbook, type PlaybookIssue, parsePlaybookJson } from '../../core/playbook';

export function exportFileName(pb: Playbook): string {
  return `${pb.id}-v${pb.version}.json`;
}

export function exportText(pb: Playbook): string {
  return `${JSON.stringify(pb, null, 2)}\n`;
}

export type Imported =
  | { readonly ok: true; readonly playbook: Playbook; readonly warnings: readonly PlaybookIssue[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** `moves[3].when.any[0]: unknown field "regex"` for each problem; warnings (tone, markup) do not block. */
export function importText(text: string): Imported {
  const r = parsePlaybookJson(text);
  if (!r.ok) return { ok: false, errors: r.errors.map(formatIssueText) };
  return { ok: true, playbook: r.playbook, warnings: lintPlaybook(r.playbook) };
}

/** Checked before reading a file, so a huge file is refused without loading it. */
export function fileTooLarge(bytes: number): boolean {
  return bytes > PLAYBOOK_LIMITS.maxBytes;
}
