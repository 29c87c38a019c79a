/**
 * arrears/testing: helpers for testing policies: a terse, immutable account builder and
 * table-driven policy tests that register with vitest, jest, mocha or node:test.
 */
export type { EmbeddedTestResult } from "../util/index.js";
export { AccountBuilder, account, type ContactSpec, type OverdueOptions, type SnapshotSpec } from "./builder.js";
export {
  type EmbeddedTestKind,
  type EmbeddedTestReport,
  type PolicyCase,
  type PolicyCaseExpect,
  type PolicyCaseResult,
  type PolicyTestReport,
  type RuleCoverage,
  type RuleCoverageEntry,
  type RunPolicyTestsOptions,
  runEmbeddedTests,
  runPolicyTests,
  type TestRunner,
} from "./run.js";
