import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePolicy, loadPolicy } from "../../src/index.js";
import { POLICIES } from "../../src/rules/index.js";
import { factsArbitrary } from "./helpers.js";

describe("generated rule function", () => {
  for (const [id, json] of Object.entries(POLICIES)) {
    it(`${id}: generated code and closures (jitless) give identical events and traces`, () => {
      const policy = loadPolicy(json);
      const jitless = loadPolicy(json, { jitless: true });
      expect([policy.engine, jitless.engine]).toEqual(["generated", "closures"]);
      fc.assert(
        fc.property(factsArbitrary(policy.source), (facts) => {
          for (const trace of [undefined, "fired", true] as const) {
            const generated = evaluatePolicy(policy, facts, { trace });
            expect(evaluatePolicy(jitless, facts, { trace })).toEqual(generated);
          }
          const all = evaluatePolicy(policy, facts, { trace: true });
          expect(evaluatePolicy(policy, facts, { trace: "fired" }).trace).toEqual(all.trace.filter((t) => t.fired));
          expect(evaluatePolicy(policy, facts).events).toEqual(all.events);
        }),
        { numRuns: 500 },
      );
    });
  }

  it("treats rule values as data, never as code", () => {
    const hostile = `"); throw new Error("injected"); ("`;
    const policy = loadPolicy({
      schemaVersion: 1,
      id: "hostile",
      version: "1.0.0",
      description: "values that look like code",
      bucketScheme: "us-cycle",
      jurisdictions: ["US"],
      currency: "USD",
      scorecards: { risk: "risk-behavioral", hardship: "hardship", segments: "segments" },
      guardrails: "us-reg-f",
      fallbackAction: "no_action",
      actions: { no_action: { contact: false, description: "nothing" }, flag: { contact: false, description: "flag" } },
      rules: [
        {
          name: "weird-string",
          priority: 2,
          conditions: { all: [{ fact: "accountId", operator: "equal", value: hostile }] },
          event: { type: "flag" },
        },
        {
          name: "weird-list",
          priority: 1,
          conditions: { any: [{ fact: "accountId", operator: "in", value: [hostile, "30-59"] }] },
          event: { type: "flag" },
        },
      ],
      tests: [],
    });
    expect(evaluatePolicy(policy, { accountId: hostile }).events.map((e) => e.rule)).toEqual([
      "weird-string",
      "weird-list",
    ]);
    expect(evaluatePolicy(policy, { accountId: "30-59" }).events.map((e) => e.rule)).toEqual(["weird-list"]);
    expect(evaluatePolicy(policy, { accountId: "M1" }).events).toEqual([]);
  });
});
