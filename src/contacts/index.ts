export {
  summarizeContacts,
  type ContactSummary,
  type ContactSummaryOptions,
  type UnreachableOptions,
  type WindowCounts,
} from "./summarize.js";
export {
  promiseStatus,
  DEFAULT_PROMISE_GRACE_DAYS,
  type PromiseRecord,
  type PromiseState,
  type PromiseStatusOptions,
  type PromiseSummary,
} from "./promises.js";
export { RPC_OUTCOMES, FAILED_OUTCOMES, ATTEMPT_CHANNELS } from "./prepare.js";
