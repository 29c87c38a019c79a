/**
 * 03 — unit tests for a policy. Table-driven cases built with the terse account builder from
 * `arrears/testing`; in a vitest/jest file pass `{ runner: { describe, it } }` to get one test
 * per case, here we print the report. Then the policy file's own embedded tests.
 *
 *   npx tsx examples/03-policy-unit-tests.ts
 */
import { loadPolicy, shippedRuleFile } from "../src/index.js";
import { account, type PolicyCase, runEmbeddedTests, runPolicyTests } from "../src/testing/index.js";
import { isMain, type Log } from "./_shared.js";

const defaultPolicy = shippedRuleFile("policies", "us-default");

const base = account().asOf("2026-11-23T15:00:00Z").timeZone("America/New_York").income("3200.00");

export const cases: PolicyCase[] = [
  { name: "current accounts are left alone", given: base.overdue(0), expect: { action: "no_action", blocked: [] } },
  {
    name: "3 days late, low risk: a few days to self-cure",
    given: base.overdue(3),
    expect: { action: "no_action", params: { reason: "self_cure_window" } },
  },
  { name: "20 days late: a call", given: base.overdue(20), expect: { action: "call_borrower", channel: "call" } },
  { name: "a dispute pauses collection", given: base.overdue(40).flag("disputed"), expect: { action: "dispute_hold" } },
  {
    name: "an active promise is awaited",
    given: base.overdue(20).promise({ amount: "100.00", dueInDays: 4 }),
    expect: { action: "await_promise" },
  },
  {
    name: "8 calls this week: Reg F blocks the call",
    given: base.overdue(20).calls(7, { daysAgo: 1 }),
    expect: { blocked: ["call_borrower"] },
  },
];

export function main(log: Log = console.log): void {
  const policy = loadPolicy(defaultPolicy);
  const report = runPolicyTests(policy, cases, { runner: false });
  for (const r of report.results) log(`${r.passed ? "✓" : "✗"} ${r.name}${r.passed ? "" : "\n" + r.message}`);
  log(`cases: ${report.passed}/${report.total} passed`);
  const embedded = runEmbeddedTests(defaultPolicy, { runner: false });
  log(`embedded tests of ${embedded.id}: ${embedded.passed}/${embedded.total} passed`);
}

if (isMain(import.meta.url)) main();
