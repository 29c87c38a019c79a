/**
 * arrears: pure, explainable collections decisioning.
 * Every function is a pure function of its inputs and an explicit `asOf`.
 */

export * from "./contacts/index.js";
export * from "./delinquency/index.js";
export { ArrearsError, type ArrearsErrorCode, type ArrearsIssue, formatPath, type SafeResult } from "./errors/index.js";
export * from "./facts/index.js";
export * from "./guardrails/index.js";
export * from "./messages/index.js";
export * from "./model/index.js";
// The money calculator's public face; its internals (the Decimal clone, fast paths) stay private.
export {
  type AmountInput,
  addAmounts,
  compareAmounts,
  fromMinorUnits,
  isKnownCurrency,
  minorDigits,
  roundAmount,
  subtractAmounts,
  toMinorUnits,
} from "./money/index.js";
export * from "./offers/index.js";
export * from "./policy/index.js";
export * from "./portfolio/index.js";
export * from "./scoring/index.js";
