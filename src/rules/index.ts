export type { ConditionEngine } from "../conditions/index.js";
// The one operator set lives in the conditions layer; it is part of the policy language's surface.
export { DOMAIN_OPERATORS, type RuleOperator } from "../conditions/operators.js";
export {
  analysePolicy,
  type CheckPolicyOptions,
  type PolicyFinding,
  type PolicyFindingCode,
  type PolicyFindingSeverity,
} from "./checks.js";
export {
  type EvaluatePolicyOptions,
  evaluatePolicy,
  type PolicyEvaluation,
  type PolicyEvent,
  type TraceEntry,
} from "./evaluate.js";
export { compilePolicy, isPolicy, type Policy, type PolicyRule } from "./load.js";
export * from "./params.js";
export { POLICIES } from "./policies.js";
export {
  type ActionDefinition,
  ActionDefinitionSchema,
  type PolicyFile,
  PolicyFileSchema,
  type PolicyOptions,
  PolicyOptionsSchema,
  PolicyTestSchema,
} from "./schema.js";
