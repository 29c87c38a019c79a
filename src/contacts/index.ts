export {
  DEFAULT_PROMISE_GRACE_DAYS,
  evaluatePromises,
  type PromiseCounters,
  type PromiseRecord,
  type PromiseState,
  type PromiseStatusOptions,
  type PromiseSummary,
  promiseStatus,
} from "./promises.js";
export {
  type ContactCounts,
  type ContactSummary,
  type ContactSummaryOptions,
  countContacts,
  summarizeContacts,
  type UnreachableOptions,
  W,
  type WindowCounts,
} from "./summarize.js";
