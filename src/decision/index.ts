export { checkPolicy } from "./check.js";
export { type DecideOptions, decide } from "./decide.js";
export type {
  BlockedAction,
  ContactRequirement,
  DecidedAction,
  Decision,
  DecisionHold,
  LimitationStatus,
  NotApplicable,
  NotApplicableCode,
  TraceEntry,
} from "./decision.js";
export { CatalogueSchema, type LoadPolicyOptions, loadPolicy } from "./load.js";
export type { Catalogue } from "./resolve.js";
export { isPolicyRouter, type PolicyRouter, routePolicies } from "./route.js";
export { type RuleFileKind, shippedRuleFile, shippedRuleFiles } from "./shipped.js";
export type { ContactTimePrior } from "./suggest.js";
