/**
 * arrears/testing: helpers for testing policies: a terse, immutable account builder and
 * table-driven policy tests that register with vitest, jest, mocha or node:test.
 */
export { account, AccountBuilder, type ContactSpec, type OverdueOptions, type SnapshotSpec } from "./builder.js";
export {
  runPolicyTests,
  runEmbeddedTests,
  type PolicyCase,
  type PolicyCaseExpect,
  type PolicyCaseResult,
  type PolicyTestReport,
  type RunPolicyTestsOptions,
  type TestRunner,
} from "./run.js";
