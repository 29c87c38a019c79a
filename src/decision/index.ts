export { type DecideOptions, decide } from "./decide.js";
export type { BlockedAction, DecidedAction, Decision, TraceEntry } from "./decision.js";
export { type RuleFileKind, shippedRuleFile, shippedRuleFiles } from "./shipped.js";
