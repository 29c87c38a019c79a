export { ATTEMPT_CHANNELS, FAILED_OUTCOMES, RPC_OUTCOMES } from "./prepare.js";
export {
  DEFAULT_PROMISE_GRACE_DAYS,
  type PromiseRecord,
  type PromiseState,
  type PromiseStatusOptions,
  type PromiseSummary,
  promiseStatus,
} from "./promises.js";
export {
  type ContactSummary,
  type ContactSummaryOptions,
  summarizeContacts,
  type UnreachableOptions,
  type WindowCounts,
} from "./summarize.js";
