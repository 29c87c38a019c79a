export type { Decision, DecidedAction, BlockedAction, TraceEntry, ScoreResult } from "./decision.js";
export { loadPolicy, type Policy, type PolicyRule } from "./load.js";
export { evaluatePolicy, type PolicyEvent, type PolicyTraceEntry, type PolicyEvaluation, type EvaluatePolicyOptions } from "./evaluate.js";
export { DOMAIN_OPERATORS, type RuleOperator } from "./operators.js";
export { POLICIES, defaultPolicy } from "./policies.js";
export {
  PolicyFileSchema,
  ActionDefinitionSchema,
  PolicyOptionsSchema,
  PolicyTestSchema,
  type PolicyFile,
  type ActionDefinition,
  type PolicyOptions,
  type PolicyTest,
} from "./schema.js";
export { decide, type DecideOptions } from "./decide.js";
