import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENGINE_OPERATORS } from "../../src/conditions/operators.js";
import type { Facts } from "../../src/facts/catalog.js";
import { DOMAIN_OPERATORS, evaluatePolicy, loadPolicy } from "../../src/index.js";
import ladder from "../fixtures/us-ladder-2.0.0.json";

// A frozen copy of a published ladder (us-default 2.0.0): these tests are about the machinery,
// not about the shipped ladder's current content.
const defaultPolicy: unknown = ladder;

const op = (name: string) =>
  (ENGINE_OPERATORS as Record<string, (a: unknown, b: unknown) => boolean>)[name] ??
  DOMAIN_OPERATORS.find((o) => o.name === name)!.evaluate;

function policyWith(rules: unknown[], conditions?: Record<string, unknown>) {
  return loadPolicy({
    schemaVersion: 1,
    id: "t",
    version: "1.0.0",
    description: "test",
    bucketScheme: "us-cycle",
    jurisdictions: ["US"],
    currency: "USD",
    scorecards: { risk: "risk-behavioral", hardship: "hardship", segments: "segments" },
    guardrails: "us-reg-f",
    actions: {
      no_action: { contact: false, description: "n" },
      a: { contact: false, description: "a", params: { from: { type: "string", description: "which rule" } } },
      b: { contact: true, channel: "sms", description: "b" },
    },
    ...(conditions ? { conditions } : {}),
    rules,
  });
}
const rule = (name: string, conditions: unknown, priority?: number, type = "a") => ({
  name,
  ...(priority ? { priority } : {}),
  conditions,
  event: { type, params: { from: name } },
});
const fired = (p: ReturnType<typeof policyWith>, facts: Facts) => evaluatePolicy(p, facts).events.map((e) => e.rule);

describe("operators: json-rules-engine semantics", () => {
  it("numeric operators reject non-numbers like json-rules-engine's parseFloat validator", () => {
    expect(op("lessThan")(5, 10)).toBe(true);
    expect(op("lessThan")(null, 10)).toBe(false); // null < 10 is true in JS, but the validator rejects null
    expect(op("greaterThanInclusive")(true, 0)).toBe(false);
    expect(op("lessThan")("5", 10)).toBe(true); // numeric strings pass the validator
    expect(op("lessThan")(undefined, 10)).toBe(false);
    expect(op("greaterThan")(NaN, -1)).toBe(false);
    expect(op("lessThanInclusive")(10, 10)).toBe(true);
    expect(op("greaterThan")(10, 10)).toBe(false);
  });
  it("equal is strict, in/notIn use indexOf", () => {
    expect(op("equal")(1, "1")).toBe(false);
    expect(op("equal")(null, null)).toBe(true);
    expect(op("in")(null, ["a", null])).toBe(true);
    expect(op("notIn")(undefined, ["a"])).toBe(true);
  });
  it("domain operators", () => {
    const [inBucket, between, daysSince] = ["inBucket", "between", "daysSinceAtLeast"].map(op) as ((
      a: unknown,
      b: unknown,
    ) => boolean)[];
    expect(inBucket!("30-59", ["1-29", "30-59"])).toBe(true);
    expect(inBucket!(null, [null])).toBe(false);
    expect(between!(7, [7, 30])).toBe(true);
    expect(between!(30, [7, 30])).toBe(true);
    expect(between!(31, [7, 30])).toBe(false);
    expect(between!(6.5, [7, 30])).toBe(false);
    expect(between!("10", [7, 30])).toBe(false);
    expect(between!(null, [7, 30])).toBe(false);
    expect(daysSince!(null, 14)).toBe(true); // never happened counts as long ago
    expect(daysSince!(14, 14)).toBe(true);
    expect(daysSince!(13, 14)).toBe(false);
    expect(daysSince!(undefined, 14)).toBe(false); // missing is not "never"
  });
});

describe("evaluatePolicy", () => {
  it("orders events by priority, then rule order in the file", () => {
    const p = policyWith([
      rule("low", { all: [] }, 1),
      rule("high-2", { all: [] }, 9),
      rule("mid", { all: [] }, 5),
      rule("high-1", { all: [] }, 9),
      rule("never", { any: [{ fact: "dpd", operator: "equal", value: -1 }] }, 9),
    ]);
    const { events } = evaluatePolicy(p, { dpd: 3 });
    expect(events.map((e) => [e.rule, e.priority, e.index])).toEqual([
      ["high-2", 9, 1],
      ["high-1", 9, 3],
      ["mid", 5, 2],
      ["low", 1, 0],
    ]);
    expect(events[0]).toEqual({ rule: "high-2", priority: 9, type: "a", params: { from: "high-2" }, index: 1 });
  });

  it("boolean forms: empty all/any are true, not negates, references resolve", () => {
    const p = policyWith(
      [
        rule("empty-any", { any: [] }),
        rule("not-empty-all", { not: { all: [] } }),
        rule("ref", { condition: "late" }),
        rule("not-ref", { not: { condition: "late" } }),
        rule("decorated", { all: [{ fact: "dpd", operator: "not:lessThan", value: 30 }] }),
      ],
      { late: { all: [{ fact: "dpd", operator: "greaterThanInclusive", value: 30 }] } },
    );
    expect(fired(p, { dpd: 45 })).toEqual(["empty-any", "ref", "decorated"]);
    expect(fired(p, { dpd: 10 })).toEqual(["empty-any", "not-ref"]);
    // not:lessThan on a non-number is true, exactly as json-rules-engine's decorator
    expect(fired(p, { dpd: null })).toEqual(["empty-any", "not-ref", "decorated"]);
  });

  it("missing facts behave like json-rules-engine with allowUndefinedFacts", () => {
    const p = policyWith([
      rule("eq-undefined", { all: [{ fact: "segment", operator: "notEqual", value: "hardship" }] }),
      rule("gt", { all: [{ fact: "dpd", operator: "greaterThan", value: -1 }] }),
      rule("ref", {
        all: [{ fact: "paidAmount90d", operator: "greaterThanInclusive", value: { fact: "overdueAmount" } }],
      }),
    ]);
    expect(fired(p, {})).toEqual(["eq-undefined"]);
    expect(fired(p, { paidAmount90d: 100, overdueAmount: 100 })).toEqual(["eq-undefined", "ref"]);
    expect(fired(p, { paidAmount90d: 99.99, overdueAmount: 100 })).toEqual(["eq-undefined"]);
  });

  it("trace lists every rule in evaluation order with the facts it read", () => {
    const p = loadPolicy(defaultPolicy);
    const facts: Facts = {
      dpd: 95,
      outstandingAmount: 3000,
      visitOptOut: false,
      daysSinceVisitNotice: 10,
      visits30d: 0,
    };
    const { events, trace } = evaluatePolicy(p, facts, { trace: true });
    expect(trace).toHaveLength(p.rules.length);
    expect(trace.map((t) => t.priority)).toEqual([...trace.map((t) => t.priority)].sort((a, b) => b - a));
    const visit = trace.find((t) => t.rule === "home-visit")!;
    expect(visit).toEqual({
      rule: "home-visit",
      priority: 56,
      fired: true,
      event: "home_visit",
      facts: { daysSinceVisitNotice: 10, dpd: 95, outstandingAmount: 3000, visitOptOut: false, visits30d: 0 },
    });
    const dec = trace.find((t) => t.rule === "hold-deceased")!;
    expect(dec).toEqual({ rule: "hold-deceased", priority: 100, fired: false, facts: { deceased: null } });
    expect(trace.filter((t) => t.fired).map((t) => t.rule)).toEqual(events.map((e) => e.rule));
    expect(evaluatePolicy(p, facts).trace).toEqual([]);
  });

  it("is deterministic and never mutates the facts", () => {
    const p = loadPolicy(defaultPolicy);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 60 })),
        (dpd, unreachable, since) => {
          const facts: Facts = {
            dpd,
            unreachable,
            daysSinceVisitNotice: since,
            outstandingAmount: 6000,
            visitOptOut: false,
            visits30d: 0,
          };
          const copy = { ...facts };
          const a = JSON.stringify(evaluatePolicy(p, facts, { trace: true }));
          expect(JSON.stringify(evaluatePolicy(p, facts, { trace: true }))).toBe(a);
          expect(facts).toEqual(copy);
        },
      ),
      { numRuns: 300, seed: 1 },
    );
  });

  it("default ladder: a home visit only 7-30 days after a notice; a new notice after 30 days", () => {
    const p = loadPolicy(defaultPolicy);
    const at = (since: number | null) =>
      evaluatePolicy(p, {
        dpd: 95,
        outstandingAmount: 500,
        visitOptOut: false,
        visits30d: 0,
        daysSinceVisitNotice: since,
        daysSinceLastLetter: since,
        callAttemptsToday: 0,
      }).events.map((e) => e.type);
    expect(at(null)[0]).toBe("send_visit_notice");
    expect(at(6)[0]).toBe("call_borrower");
    expect(at(7)[0]).toBe("home_visit");
    expect(at(30)[0]).toBe("home_visit");
    expect(at(31)[0]).toBe("send_visit_notice");
    expect(at(7)).not.toContain("send_visit_notice");
  });

  it("default ladder: rules fire together so decide can fall back down the ladder", () => {
    const p = loadPolicy(defaultPolicy);
    const types = evaluatePolicy(p, {
      dpd: 40,
      daysSinceLastLetter: null,
      visitOptOut: false,
      outstandingAmount: 100,
      callAttemptsToday: 0,
      smsSent7d: 1,
      emailsSent7d: 0,
    }).events.map((e) => e.type);
    expect(types).toEqual(["call_borrower", "send_formal_letter", "send_sms_reminder", "send_email_reminder"]);
    // pacing is data: two calls today, two SMS and two e-mails this week leave only the letter
    const paced = evaluatePolicy(p, {
      dpd: 40,
      daysSinceLastLetter: 20,
      visitOptOut: false,
      outstandingAmount: 100,
      callAttemptsToday: 2,
      smsSent7d: 2,
      emailsSent7d: 2,
    }).events.map((e) => e.type);
    expect(paced).toEqual(["send_formal_letter"]);
    const legal = evaluatePolicy(p, {
      dpd: 120,
      outstandingAmount: 1000,
      disputed: false,
      consecutiveFailedAttempts: 12,
    }).events.map((e) => e.type);
    expect(legal[0]).toBe("legal_review");
    // never when disputed (the hold fires instead)
    const disputed = evaluatePolicy(p, {
      dpd: 120,
      outstandingAmount: 1000,
      disputed: true,
      consecutiveFailedAttempts: 12,
    }).events.map((e) => e.type);
    expect(disputed[0]).toBe("dispute_hold");
    expect(disputed).not.toContain("legal_review");
  });
});

describe("evaluatePolicy: bad input", () => {
  it("throws ArrearsError, never a TypeError", () => {
    const p = loadPolicy(defaultPolicy);
    expect(() => evaluatePolicy({} as never, {})).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    expect(() => evaluatePolicy(null as never, {})).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    expect(() => evaluatePolicy(p, null as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});
