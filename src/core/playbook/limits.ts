/**
 * Size limits for playbooks. Playbooks are imported from files and shared between teams, so every list,
 * string and nesting level is bounded: a hostile or broken file costs no more than a normal one.
 */
export const PLAYBOOK_LIMITS = {
  /** Largest playbook file accepted (1 MiB). */
  maxBytes: 1_048_576,
  /** JSON nesting checked before schema validation, so deep input can never overflow the stack. */
  maxJsonDepth: 32,
  /** `all`/`any`/`not` nesting; each operator and the leaf count one level. */
  maxConditionDepth: 8,
  /** Values (objects, arrays, primitives) in an object handed to `parsePlaybook`. */
  maxNodes: 50_000,
  maxSteps: 50,
  maxMoves: 100,
  /** Items in any list inside a condition (keywords, tags, channels, sub-conditions). */
  maxListItems: 100,
  id: 64,
  name: 120,
  title: 120,
  text: 1_000,
  help: 500,
  why: 500,
  keyword: 100,
  label: 40,
  locale: 35,
  maxDays: 3_650,
  maxMinutes: 100_000,
  maxPriority: 1_000,
  maxMovesShown: 10,
  /** Errors reported per playbook; beyond that the author has bigger problems than the 101st. */
  maxErrors: 100,
} as const;

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
