/** Public API of the playbook engine: model, validation, lint, evaluation and the built-in playbooks. */

export type { ChecklistEntry, ConditionEnv, Truth } from './condition';
export { evaluateCondition, explainMet, explainUnmet } from './condition';
export { DEFAULT_PLAYBOOK } from './default-playbook';
export { DEFAULT_PLAYBOOK_ES } from './default-playbook.es';
export type { EligibleMove, Evaluation, EvaluationInput, HeldBackMove, HoldCause, Progress, StepView } from './engine';
export { evaluate, HOLD_CAUSES } from './engine';
export type { TicketFacts } from './facts';
export { factsFor } from './facts';
export type { HistoryAttempt } from './history';
export { PLAYBOOK_LIMITS } from './limits';
export { lintPlaybook } from './lint';
export type { Placeholder } from './placeholders';
export { PLACEHOLDERS } from './placeholders';
export { appliesTo, selectPlaybook } from './select';
export type { ToneWarning } from './tone';
export { toneCheck } from './tone';
export type {
  AbTest,
  AppliesTo,
  Condition,
  ConditionKey,
  KeywordMatch,
  MinuteRange,
  Move,
  ParseResult,
  Playbook,
  PlaybookIssue,
  PlaybookSettings,
  PriorAttempts,
  PriorOutcome,
  Step,
  TagsMatch,
} from './types';
export { CONDITION_KEYS } from './types';
export { formatIssueText, parsePlaybook, parsePlaybookJson } from './validate';
export type { ResolvedVariant } from './variant';
export { resolveVariant } from './variant';
export type { ReasonCode, Say } from './wording';
export { english, REASON_TEXT } from './wording-en';
