export {
  DEFAULT_PROMISE_GRACE_DAYS,
  evaluatePromises,
  type PromiseInvalidReason,
  type PromiseRecord,
  type PromiseState,
  type PromiseStatusOptions,
  type PromiseSummary,
  type PromiseValidity,
  PromiseValiditySchema,
  promiseStatus,
  promiseValidityRules,
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
