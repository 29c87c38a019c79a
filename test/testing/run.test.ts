import { describe, expect, it } from "vitest";
import { ArrearsError, loadPolicy, shippedRuleFile } from "../../src/index.js";
import { account, type PolicyCase, runEmbeddedTests, runPolicyTests } from "../../src/testing/index.js";
import ladder from "../fixtures/us-ladder-2.0.0.json";

// A frozen copy of a published ladder (us-default 2.0.0): these tests are about the machinery,
// not about the shipped ladder's current content.
const defaultPolicy: unknown = ladder;

const policy = loadPolicy(defaultPolicy);
const base = account().asOf("2026-11-23T15:00:00Z").income("3000.00");

const cases: PolicyCase[] = [
  {
    name: "current: nothing to do",
    given: base.overdue(0),
    expect: { action: "no_action", blocked: [], channel: null },
  },
  {
    name: "disputed: hold",
    given: base.overdue(40).flag("disputed"),
    expect: { action: "dispute_hold", params: { verification: true } },
  },
  {
    name: "20 dpd: call",
    given: base.overdue(20),
    expect: { action: "call_borrower", channel: "call", blocked: false },
  },
];

// Registers one vitest test per case (the runner passed explicitly), and checks the report.
const report = runPolicyTests(policy, cases, { runner: { describe, it } });

describe("runPolicyTests", () => {
  it("reports every case as passed", () => {
    expect(report).toMatchObject({ total: 3, passed: 3, failed: 0, policy: { id: "us-default" } });
  });

  it("a failing case explains itself with the trace", () => {
    const r = runPolicyTests(
      policy,
      [
        {
          name: "wrong on purpose",
          given: base.overdue(20),
          expect: { action: "no_action", params: { reason: "current" } },
        },
      ],
      { runner: false },
    );
    expect(r.failed).toBe(1);
    const res = r.results[0]!;
    expect(res.failures[0]).toBe('action: expected "no_action", got "call_borrower" (rule call-borrower)');
    expect(res.failures[1]).toMatch(/^params\.reason: expected "current", got undefined/);
    expect(res.message).toContain("rules fired (in priority order):");
    expect(res.message).toMatch(/- call-borrower \(priority 40\) → call_borrower; read callAttemptsToday=0, dpd=20/);
  });

  it("registers tests with a given runner and throws the message on failure", () => {
    const registered: { name: string; fn: () => void }[] = [];
    const titles: string[] = [];
    const runner = {
      describe: (t: string, fn: () => void) => {
        titles.push(t);
        fn();
      },
      it: (name: string, fn: () => void) => registered.push({ name, fn }),
    };
    runPolicyTests(policy, [...cases, { name: "bad", given: base.overdue(3), expect: { action: "call_borrower" } }], {
      runner,
    });
    expect(titles).toEqual([expect.stringMatching(/^policy us-default@/)]);
    expect(registered.map((r) => r.name)).toEqual([...cases.map((c) => c.name), "bad"]);
    expect(() => registered[0]!.fn()).not.toThrow();
    expect(() => registered[3]!.fn()).toThrow(/action: expected "call_borrower"/);
  });

  it("an invalid account fails its case with the error, others still run", () => {
    const r = runPolicyTests(
      policy,
      [
        { name: "broken", given: { id: "x" }, asOf: "2026-11-23T15:00:00Z", expect: { action: "no_action" } },
        cases[0]!,
      ],
      { runner: false },
    );
    expect(r.results[0]).toMatchObject({ passed: false, error: { code: "INVALID_ACCOUNT" } });
    expect(r.results[1]!.passed).toBe(true);
    expect(() => runPolicyTests({ nope: 1 }, [], { runner: false })).toThrow(ArrearsError);
  });
});

describe("runEmbeddedTests", () => {
  it("runs the default policy's own tests", () => {
    const r = runEmbeddedTests(defaultPolicy, { runner: false });
    expect(r.total).toBeGreaterThan(10);
    expect(r.results.filter((x) => !x.passed).map((x) => x.failures)).toEqual([]);
  });
});

describe("runPolicyTests runner discovery", () => {
  it("uses describe/it found on globalThis, and accepts a policy from another library copy", () => {
    const g = globalThis as Record<string, unknown>;
    const names: string[] = [];
    g.it = (name: string) => names.push(name);
    try {
      const foreign = { ...policy }; // same data, not marked as loaded by this copy
      const r = runPolicyTests(foreign, [cases[0]!]);
      expect(r.passed).toBe(1);
      expect(names).toEqual([cases[0]!.name]);
    } finally {
      delete g.it;
    }
  });
});

describe("runPolicyTests: time, message and parallel actions", () => {
  // 23:30 in New York: a call is lawful from 08:00 next morning (within the policy's 16-hour delay).
  const late = account().asOf("2026-11-24T04:30:00Z").overdue(20).name("Ann Lee");
  const run = (expect: PolicyCase["expect"], given: unknown = late) =>
    runPolicyTests(policy, [{ name: "c", given, expect }], { runner: false }).results[0]!;

  it("earliestAt compares instants, whatever the offset", () => {
    expect(run({ action: "call_borrower", earliestAt: "2026-11-24T08:00:00-05:00" }).failures).toEqual([]);
    expect(run({ earliestAt: "2026-11-24T13:00:00Z" }).passed).toBe(true);
    expect(run({ earliestAt: "2026-11-24T04:30:00Z" }).failures).toEqual([
      'earliestAt: expected "2026-11-24T04:30:00Z", got "2026-11-24T13:00:00.000Z"',
    ]);
    expect(run({ earliestAt: "tomorrow" }).failures).toEqual([
      'earliestAt: expected value "tomorrow" is not an ISO instant with offset',
    ]);
  });

  it("messageContains / messageNotContains read the rendered subject and body", () => {
    expect(run({ messageContains: ["Ann Lee", "may I speak with"], messageNotContains: "Bob" }).passed).toBe(true);
    expect(run({ messageContains: "Dear Bob", messageNotContains: ["Ann Lee", "Bob"] }).failures).toEqual([
      'messageContains: "Dear Bob" is not in the message',
      'messageNotContains: "Ann Lee" is in the message',
    ]);
    const current = base.overdue(0);
    expect(run({ action: "no_action", messageContains: "x" }, current).failures).toEqual([
      "messageContains: no message was rendered (action no_action has no template)",
    ]);
    expect(run({ action: "no_action", messageNotContains: "x" }, current).passed).toBe(true);
  });

  it("alongside: the parallel action types, none when the decision has no alongside", () => {
    expect(run({ alongside: [] }).passed).toBe(true);
    expect(run({ alongside: ["skip_trace"] }).failures).toEqual(['alongside: expected ["skip_trace"], got []']);
  });

  it("a misspelt or empty expect fails instead of checking nothing", () => {
    expect(run({ actoin: "call_borrower" } as never).failures).toEqual([
      'expect.actoin: unknown field; did you mean "action"? (it would check nothing)',
      "expect: nothing to check (give one of action, channel, rule, blocked, params, earliestAt, messageContains, messageNotContains, alongside)",
    ]);
  });
});

describe("rule coverage", () => {
  it("runPolicyTests: which rules decided and fired, in file order", () => {
    const c = report.coverage;
    expect(c.decided).toEqual(["hold-dispute", "call-borrower", "no-action-current"]);
    expect(c.fired).toEqual(
      expect.arrayContaining(["hold-dispute", "call-borrower", "sms-reminder", "email-reminder"]),
    );
    expect(c.undecided).toHaveLength(policy.rules.length - 3);
    expect(c.unfired).toContain("hold-deceased");
    expect(c.rules.map((r) => r.name)).toEqual(policy.rules.map((r) => r.name));
    expect(c.rules.find((r) => r.name === "call-borrower")).toEqual({
      name: "call-borrower",
      priority: 40,
      decided: 1,
      fired: 2, // also under the dispute hold, which decided that case
    });
    expect(c.fallback).toBe(0);
  });

  it("runEmbeddedTests: the shipped policies' tests decide with every rule; other kinds have no coverage", () => {
    for (const id of ["us-default", "cn-default", "gb-default"]) {
      const r = runEmbeddedTests(shippedRuleFile("policies", id), { runner: false });
      // Every rule is in the report; the shipped ladders (2.x) have rules no embedded test decides yet.
      expect(r.coverage!.decided.length + r.coverage!.undecided.length).toBe(
        (shippedRuleFile("policies", id) as { rules: unknown[] }).rules.length,
      );
      expect(r.failed).toBe(0);
    }
    expect(runEmbeddedTests(shippedRuleFile("buckets", "cn-m"), { runner: false }).coverage).toBeUndefined();
  });

  it("cases that could not be decided count for nothing", () => {
    const r = runPolicyTests(
      policy,
      [{ name: "broken", given: { id: "x" }, asOf: "2026-11-23T15:00:00Z", expect: { action: "no_action" } }],
      { runner: false },
    );
    expect(r.coverage.decided).toEqual([]);
    expect(r.coverage.fired).toEqual([]);
  });
});
