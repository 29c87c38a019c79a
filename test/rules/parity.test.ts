import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Facts } from "../../src/facts/catalog.js";
import { type AccountInput, decide, evaluatePolicy, loadPolicy, type Policy } from "../../src/index.js";
import { POLICIES } from "../../src/rules/index.js";
import { factsArbitrary, runEngine } from "./helpers.js";

const shape = (events: ReturnType<typeof evaluatePolicy>["events"]) =>
  events.map((e) => ({ rule: e.rule, priority: e.priority, type: e.type, params: e.params }));
/**
 * Events of every compiled path: the generated runner with and without the trace of every rule,
 * and the closures of the same policy loaded `jitless`; all must agree.
 */
const compiledEvents = (policy: Policy, facts: Facts, jitless: Policy) => {
  const fast = shape(evaluatePolicy(policy, facts).events);
  const traced = evaluatePolicy(policy, facts, { trace: true });
  expect(shape(traced.events)).toEqual(fast);
  expect(traced.trace.filter((t) => t.fired).map((t) => t.rule)).toEqual(fast.map((e) => e.rule));
  expect(shape(evaluatePolicy(jitless, facts).events)).toEqual(fast);
  return fast;
};

// A policy exercising every supported construct, so parity covers more than the shipped ladder.
const kitchenSink = {
  schemaVersion: 1,
  id: "kitchen-sink",
  version: "0.0.1",
  description: "Every operator and boolean form.",
  bucketScheme: "us-cycle",
  jurisdictions: ["US"],
  currency: "USD",
  scorecards: { risk: "risk-behavioral", hardship: "hardship", segments: "segments" },
  guardrails: "us-reg-f",
  actions: {
    no_action: { contact: false, description: "n" },
    a: { contact: false, description: "a", params: { n: { type: "number", description: "n" } } },
    b: { contact: true, channel: "sms", description: "b", params: { x: { type: "string", description: "x" } } },
  },
  conditions: {
    early: {
      any: [
        { fact: "bucket", operator: "inBucket", value: ["1-29", "30-59"] },
        { fact: "dpd", operator: "between", value: [1, 29] },
      ],
    },
    earlyNotDisputed: { all: [{ condition: "early" }, { fact: "disputed", operator: "notEqual", value: true }] },
  },
  rules: [
    { name: "r-empty-any", priority: 3, conditions: { any: [] }, event: { type: "a", params: { n: 1 } } },
    { name: "r-empty-all-not", priority: 3, conditions: { not: { all: [] } }, event: { type: "a" } },
    { name: "r-ref-root", priority: 5, conditions: { condition: "earlyNotDisputed" }, event: { type: "b" } },
    {
      name: "r-numeric",
      priority: 5,
      conditions: {
        all: [
          { fact: "dpd", operator: "greaterThan", value: 30 },
          { fact: "overdueAmount", operator: "lessThanInclusive", value: 500.5 },
          { fact: "riskScore", operator: "lessThan", value: 600, priority: 9 },
        ],
      },
      event: { type: "a" },
    },
    {
      name: "r-in",
      conditions: {
        any: [
          { fact: "segment", operator: "in", value: ["hardship", null] },
          { fact: "holdReason", operator: "notIn", value: ["deceased", "bankrupt", null] },
        ],
      },
      event: { type: "a" },
    },
    {
      name: "r-not-decorator",
      priority: 2,
      conditions: {
        all: [
          { fact: "dpd", operator: "not:greaterThanInclusive", value: 10 },
          { fact: "product", operator: "not:equal", value: "revolving" },
        ],
      },
      event: { type: "b" },
    },
    {
      name: "r-fact-ref",
      priority: 2,
      conditions: {
        all: [
          { fact: "paidAmount90d", operator: "greaterThanInclusive", value: { fact: "overdueAmount" } },
          { fact: "activePromiseAmount", operator: "equal", value: { fact: "lastPaymentAmount" } },
        ],
      },
      event: { type: "a" },
    },
    {
      name: "r-days-since",
      priority: 4,
      conditions: {
        any: [
          { fact: "daysSinceLastLetter", operator: "daysSinceAtLeast", value: 14 },
          { not: { fact: "daysSinceRightPartyContact", operator: "equal", value: null } },
        ],
      },
      event: { type: "b", params: { x: "1,2" } },
    },
    {
      name: "r-nested",
      priority: 4,
      conditions: {
        all: [
          {
            any: [
              { fact: "unreachable", operator: "equal", value: true },
              { all: [{ fact: "callAttempts7d", operator: "greaterThanInclusive", value: 7 }, { not: { any: [] } }] },
            ],
          },
        ],
      },
      event: { type: "a" },
    },
    {
      name: "r-inclusive",
      priority: 1,
      conditions: {
        all: [
          { fact: "dpd", operator: "greaterThanInclusive", value: 0 },
          { fact: "utilization", operator: "lessThan", value: 0.9 },
        ],
      },
      event: { type: "no_action" },
    },
  ],
};

describe("parity with json-rules-engine", () => {
  const policies: [string, unknown][] = [...Object.entries(POLICIES), ["kitchen-sink", kitchenSink]];
  for (const [id, json] of policies) {
    it(`${id}: identical events in identical order on generated facts`, async () => {
      const policy = loadPolicy(json);
      const jitless = loadPolicy(json, { jitless: true });
      let fired = 0;
      await fc.assert(
        fc.asyncProperty(factsArbitrary(policy.source), async (facts) => {
          const expected = await runEngine(policy.source, facts);
          fired += expected.length;
          expect(compiledEvents(policy, facts, jitless)).toEqual(expected);
        }),
        { numRuns: 2000, seed: 20261123 },
      );
      expect(fired).toBeGreaterThan(1000); // the generator really makes rules fire
    }, 60_000);
  }

  it.each(Object.keys(POLICIES))("%s: every rule fires on some generated fact set and misses on another", (id) => {
    const policy = loadPolicy(POLICIES[id as keyof typeof POLICIES]);
    const firedCount = new Map(policy.rules.map((r) => [r.name, 0]));
    fc.assert(
      fc.property(factsArbitrary(policy.source), (facts) => {
        for (const e of evaluatePolicy(policy, facts).events) firedCount.set(e.rule, firedCount.get(e.rule)! + 1);
      }),
      { numRuns: 3000, seed: 7 },
    );
    // Rules with many conditions rarely fire on random facts: the facts of the policy's own
    // embedded tests (real accounts through decide) count too.
    for (const t of policy.tests) {
      const { facts } = decide(policy, t.account as AccountInput, { asOf: t.asOf });
      for (const e of evaluatePolicy(policy, facts as Facts).events)
        firedCount.set(e.rule, firedCount.get(e.rule)! + 1);
    }
    for (const [name, n] of firedCount) {
      expect(n, name).toBeGreaterThan(0);
      expect(n, name).toBeLessThan(3000);
    }
  });

  it("overlapping json-rules-engine runs (one engine each) agree with sequential runs and the compiler", async () => {
    const policy = loadPolicy(POLICIES["us-default"]);
    const samples = fc.sample(factsArbitrary(policy.source), { numRuns: 200, seed: 42 });
    const sequential: Awaited<ReturnType<typeof runEngine>>[] = [];
    for (const f of samples) sequential.push(await runEngine(policy.source, f));
    const overlapping = await Promise.all(samples.map((f) => runEngine(policy.source, f)));
    expect(overlapping).toEqual(sequential);
    const jitless = loadPolicy(POLICIES["us-default"], { jitless: true });
    samples.forEach((f, i) => {
      expect(compiledEvents(policy, f, jitless)).toEqual(sequential[i]);
    });
  }, 60_000);
});
