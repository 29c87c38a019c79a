export {
  DEFAULT_PROMISE_GRACE_DAYS,
  evaluatePromises,
  type PromiseRecord,
  type PromiseState,
  type PromiseStatusOptions,
  type PromiseSummary,
  promiseStatus,
} from "./promises.js";
export {
  type ContactSummary,
  type ContactSummaryOptions,
  countContacts,
  summarizeContacts,
  type UnreachableOptions,
  W,
  type WindowCounts,
} from "./summarize.js";
