import { describe, expect, it } from "vitest";
import { ArrearsError, formatIssue } from "../../src/errors/index.js";
import { closest, levenshtein } from "../../src/errors/suggest.js";
import { loadPolicy, shippedRuleFile } from "../../src/index.js";
import { POLICIES } from "../../src/rules/index.js";

import ladder from "../fixtures/us-ladder-2.0.0.json";

const defaultPolicy = shippedRuleFile("policies", "us-default");

type Json = Record<string, any>;
// The loader's error paths are tested on a frozen copy of a published ladder (us-default 2.0.0),
// so that reworking the shipped ladders does not move the rule indices these tests name.
const base = (): Json => structuredClone(ladder) as Json;
// "write-off-review" has a single condition; tests append conditions after it.
const W = (ladder as Json).rules.findIndex((r: Json) => r.name === "write-off-review");

function issuesOf(json: unknown): string[] {
  try {
    loadPolicy(json);
  } catch (e) {
    expect(e).toBeInstanceOf(ArrearsError);
    expect((e as ArrearsError).code).toBe("INVALID_POLICY");
    return (e as ArrearsError).issues.map(formatIssue);
  }
  throw new Error("expected loadPolicy to throw");
}

describe("loadPolicy: the default policy", () => {
  it("loads and exposes its references for decide", () => {
    const p = loadPolicy(defaultPolicy);
    expect(p.meta).toEqual({ id: "us-default", version: "2.3.0", description: expect.stringContaining("ladder") });
    expect(p.bucketScheme).toBe("us-cycle");
    expect(p.guardrails).toEqual(["us-reg-f", "us-ma-940cmr"]);
    expect([p.jurisdictions, p.currency]).toEqual([["US"], "USD"]);
    expect(p.scorecards).toEqual({ risk: "risk-behavioral", hardship: "hardship", segments: "segments" });
    expect(p.options).toEqual({
      graceDays: 5,
      tolerance: "1.00",
      promiseGraceDays: 2,
      maxDelayHours: 16,
      unreachable: { failedAttempts: 10, invalidNumberAttempts: 3 },
      promiseValidity: { minAmountShare: 1, maxHorizonDays: 14 },
      offerReview: "hardship_review",
    });
    expect(p.fallbackAction).toBe("no_action");
    expect(p.actions.call_borrower).toMatchObject({ channel: "call", contact: true, template: "call-script" });
    // US unsecured loans are not visited: placement review instead.
    expect(p.actions.send_visit_notice).toBeUndefined();
    expect(p.rules.find((r) => r.name === "placement-review")!.facts).toEqual(
      expect.arrayContaining(["dpd", "outstandingAmount", "onHold", "vulnerable"]),
    );
    expect(p.tests.length).toBeGreaterThanOrEqual(p.rules.length - 6); // alongside rules are covered beside another
    expect(Object.keys(POLICIES)).toEqual(["us-default", "cn-default", "gb-default"]);
  });

  it("every catalogued contact action has a channel and every action is used by a rule or as fallback", () => {
    const p = loadPolicy(defaultPolicy);
    const used = new Set([...p.rules.map((r) => r.event.type), p.fallbackAction]);
    for (const [type, a] of Object.entries(p.actions)) {
      expect(used.has(type), type).toBe(true);
      if (a.contact) expect(a.channel, type).toBeDefined();
    }
  });

  it("is deeply frozen and does not freeze the caller's JSON", () => {
    const json = base();
    const p = loadPolicy(json);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.rules[0]!.event.params)).toBe(true);
    expect(Object.isFrozen(p.actions.call_borrower)).toBe(true);
    expect(Object.isFrozen(json.rules[0].conditions)).toBe(false);
    json.rules[0].conditions.all[0].value = false; // the compiled policy is unaffected
    expect(p.source.rules[0]!.conditions).toEqual({ all: [{ fact: "deceased", operator: "equal", value: true }] });
    expect(loadPolicy(p)).toBe(p);
  });

  it("serialises to plain JSON (no compiled functions leak)", () => {
    const p = loadPolicy(defaultPolicy);
    const round = JSON.parse(JSON.stringify(p));
    expect(round.meta.id).toBe("us-default");
    expect(JSON.stringify(p)).not.toContain("function");
  });
});

describe("loadPolicy: cn-default", () => {
  it("uses M buckets, the 2026 Chinese guardrails and inBucket conditions", () => {
    const p = loadPolicy(POLICIES["cn-default"]);
    expect([p.meta.id, p.meta.version, p.bucketScheme, p.guardrails, p.jurisdictions, p.currency]).toEqual([
      "cn-default",
      "2.3.0",
      "cn-m",
      ["cn-2026"],
      ["CN"],
      "CNY",
    ]);
    expect(p.rules.find((r) => r.name === "write-off-review")!.facts).toEqual(["bucket"]);
    expect(p.rules.map((r) => r.name)).not.toContain("hold-breathing-space");
  });
});

describe("loadPolicy: errors with JSON paths and suggestions", () => {
  it("unknown fact with a Levenshtein suggestion", () => {
    const j = base();
    j.rules[4].conditions.all[0].fact = "dpdd";
    j.rules[W].conditions.all[0].fact = "dpdd";
    expect(issuesOf(j)).toEqual([
      'rules[4].conditions.all[0].fact: unknown fact "dpdd"; did you mean "dpd"?, received "dpdd"',
      'rules[13].conditions.all[0].fact: unknown fact "dpdd"; did you mean "dpd"?, received "dpdd"',
    ]);
  });

  it("collects every issue at once, in document order", () => {
    const j = base();
    j.rules[0].conditions.all[0].value = "yes";
    j.rules[1].conditions.all[0].operator = "equals";
    j.rules[2].event.type = "dispute_hld";
    j.rules[5].name = "hold-legal";
    j.rules[6].conditions.all.push({ fact: "segment", operator: "equal", value: "hardshp" });
    j.rules[7].conditions = { all: [{ condition: "visit-eligble" }] };
    delete j.description;
    expect(issuesOf(j)).toEqual([
      "description: required",
      'rules[0].conditions.all[0].value: fact "deceased" is a boolean; expected a boolean value, received "yes"',
      'rules[1].conditions.all[0].operator: unknown operator "equals"; did you mean "equal"?, received "equals"',
      'rules[2].event.type: action "dispute_hld" is not in the action catalogue; did you mean "dispute_hold"?, received "dispute_hld"',
      'rules[5].name: duplicate rule name (also rules[3]), received "hold-legal"',
      'rules[6].conditions.all[1].value: "hardshp" is not a value of fact "segment" (self_cure, hardship, escalate, settlement_review); did you mean "hardship"?, received "hardshp"',
      'rules[7].conditions.all[0].condition: unknown condition "visit-eligble"; did you mean "visit-eligible"?, received "visit-eligble"',
      'tests[5].expect.rule: unknown rule, received "hold-cease-contact"',
    ]);
  });

  it("rejects unsupported json-rules-engine features with a clear message", () => {
    const j = base();
    const all = j.rules[W].conditions.all;
    all.push({ fact: "dpd", operator: "greaterThan", value: 1, path: "$.x" });
    all.push({ fact: "dpd", operator: "greaterThan", value: 1, params: { a: 1 } });
    all.push({ fact: "dpd", operator: "someValue:equal", value: [1] });
    all.push({ fact: "dpd", operator: "contains", value: 3 });
    all.push({ fact: "bucket", operator: "in", value: { fact: "bucket" } });
    all.push({ fact: "dpd", operator: "in", value: { fact: "bucketIndex", path: "$" } });
    const got = issuesOf(j);
    expect(got).toHaveLength(6);
    expect(got[0]).toMatch(/^rules\[13\]\.conditions\.all\[1\]\.path: not supported/);
    expect(got[1]).toMatch(/^rules\[13\]\.conditions\.all\[2\]\.params: not supported/);
    expect(got[2]).toMatch(
      /^rules\[13\]\.conditions\.all\[3\]\.operator: operator decorator "someValue" is not supported/,
    );
    expect(got[3]).toMatch(
      /^rules\[13\]\.conditions\.all\[4\]\.operator: operator "contains" needs a list fact .* use "in"/,
    );
    expect(got[4]).toMatch(
      /^rules\[13\]\.conditions\.all\[5\]\.value: operator "in" needs a literal list value, not a fact/,
    );
    expect(got[5]).toMatch(/^rules\[13\]\.conditions\.all\[6\]\.value\.path: not supported in a fact reference/);
  });

  it("type checks values against the fact's declared type", () => {
    const j = base();
    const all = j.rules[W].conditions.all;
    all.push({ fact: "dpd", operator: "greaterThan", value: "30" }); // 1
    all.push({ fact: "bucket", operator: "lessThan", value: 3 }); // 2
    all.push({ fact: "dpd", operator: "equal", value: null }); // 3
    all.push({ fact: "dpd", operator: "equal", value: [1, 2] }); // 4
    all.push({ fact: "dpd", operator: "between", value: [30, 10] }); // 5
    all.push({ fact: "dpd", operator: "between", value: 10 }); // 6
    all.push({ fact: "hardshipKind", operator: "in", value: ["medical", "illness"] }); // 7
    all.push({ fact: "dpd", operator: "inBucket", value: ["M1"] }); // 8
    all.push({ fact: "dpd", operator: "equal", value: { fact: "bucket" } }); // 9
    all.push({ fact: "daysSinceLastLetter", operator: "daysSinceAtLeast", value: null }); // 10
    all.push({ fact: "dpd", operator: "lessThan", value: { fact: "overdueAmount" } }); // 11: fine
    all.push({ fact: "daysSinceLastLetter", operator: "equal", value: null }); // 12: fine (nullable)
    const got = issuesOf(j);
    expect(got).toEqual([
      'rules[13].conditions.all[1].value: operator "greaterThan" needs a number value, received "30"',
      'rules[13].conditions.all[2].operator: operator "lessThan" compares numbers but fact "bucket" is a string, received "lessThan"',
      'rules[13].conditions.all[3].value: fact "dpd" is never null, received null',
      'rules[13].conditions.all[4].value: operator "equal" compares with ===, so a list never matches; use "in", received array(2)',
      "rules[13].conditions.all[5].value: between: min is greater than max, so it never matches, received array(2)",
      'rules[13].conditions.all[6].value: operator "between" needs [min, max] (numbers, inclusive), received 10',
      'rules[13].conditions.all[7].value[1]: "illness" is not a value of fact "hardshipKind" (medical, unemployment, income_drop, disaster, bereavement, other), received "illness"',
      'rules[13].conditions.all[8].operator: operator "inBucket" needs a string fact (a bucket label) but "dpd" is a number, received "inBucket"',
      'rules[13].conditions.all[9].value.fact: fact "bucket" is a string but "dpd" is a number, received "bucket"',
      'rules[13].conditions.all[10].value: operator "daysSinceAtLeast" needs a number value, received null',
    ]);
  });

  it("checks condition structure like json-rules-engine, and stricter", () => {
    const j = base();
    j.rules[0].conditions = { all: [{ fact: "dpd", operator: "equal" }] };
    j.rules[1].conditions = { fact: "dpd", operator: "equal", value: 1 };
    j.rules[2].conditions = { all: { fact: "dpd", operator: "equal", value: 1 } };
    j.rules[3].conditions = { not: [{ fact: "dpd", operator: "equal", value: 1 }] };
    j.rules[4].conditions = {
      all: [
        { any: [], all: [] },
        { fact: "dpd", operator: "equal", value: 1, prority: 2 },
        { all: [], priority: 0 },
      ],
    };
    expect(issuesOf(j)).toEqual([
      "rules[0].conditions.all[0].value: required",
      'rules[1].conditions: the root of conditions must be an object with "all", "any", "not" or "condition", received object',
      'rules[2].conditions.all: "all" must be an array, received object',
      'rules[3].conditions.not: "not" takes one condition, not an array, received array(1)',
      'rules[4].conditions.all[0]: a condition has exactly one of "all", "any", "not" (found "all", "any"), received object',
      'rules[4].conditions.all[1].prority: unknown field; did you mean "priority"?, received 2',
      "rules[4].conditions.all[2].priority: expected a positive integer, received 0",
    ]);
  });

  it("detects shared-condition cycles and validates unused shared conditions", () => {
    const j = base();
    j.conditions.a = { all: [{ condition: "b" }] };
    j.conditions.b = { any: [{ condition: "a" }] };
    j.conditions.unused = { all: [{ fact: "nope", operator: "equal", value: 1 }] };
    const got = issuesOf(j);
    expect(got).toContain(
      'conditions.b.any[0].condition: shared conditions refer to each other in a cycle: "a" → "b" → "a", received "a"',
    );
    expect(got).toContain('conditions.unused.all[0].fact: unknown fact "nope", received "nope"');
  });

  it("validates the catalogue, options, offers, fallback and tests", () => {
    const j = base();
    j.actions.call_borrower = { contact: true, description: "call" }; // no channel
    j.actions.skip_trace.channel = "call"; // non-contact with a channel
    j.options.graceDays = -1;
    j.rules[10].event.params.offer.counts = [3, "six"];
    j.fallbackAction = "call_borrower";
    j.tests[0].expect.action = "deceased_reviw";
    j.tests[1].asOf = "2026-03-10 15:00";
    j.priority = 3;
    const got = issuesOf(j);
    expect(got).toEqual(
      expect.arrayContaining([
        "actions.call_borrower.channel: a contact action needs a channel",
        'actions.skip_trace.channel: a non-contact action has no channel, received "call"',
        "options.graceDays: Too small: expected number to be >=0, received -1",
        'rules[10].event.params.offer.counts[1]: expected number, received "six"',
        "priority: unknown field, received 3",
        'tests[1].asOf: expected an ISO instant with offset, received "2026-03-10 15:00"',
      ]),
    );
    expect(got).toHaveLength(8);
    expect(got.filter((g) => /^(fallbackAction|tests\[0\])/.test(g))).toEqual([
      'fallbackAction: the fallback action must not contact the borrower (it is used when every contact is blocked), received "call_borrower"',
      'tests[0].expect.action: action "deceased_reviw" is not in the action catalogue; did you mean "deceased_review"?, received "deceased_reviw"',
    ]);
  });

  it("checks bucket labels against the policy's bucket scheme", () => {
    const j = structuredClone(POLICIES["cn-default"]) as Json;
    const w = j.rules.findIndex((r: Json) => r.name === "write-off-review");
    j.rules[w].conditions.all[0].value = ["M7"];
    j.rules[w].conditions.all.push({ fact: "bucket", operator: "equal", value: "m2" });
    expect(issuesOf(j)).toEqual([
      `rules[${w}].conditions.all[0].value[0]: "M7" is not a bucket of the policy's scheme (M0, M1, M2, M3, M4, M5, M6, M7+); did you mean "M7+"?, received "M7"`,
      `rules[${w}].conditions.all[1].value: "m2" is not a bucket of the policy's scheme (M0, M1, M2, M3, M4, M5, M6, M7+); did you mean "M2"?, received "m2"`,
    ]);
    const k = base();
    k.bucketScheme = "us-cycles";
    expect(issuesOf(k)).toEqual([
      expect.stringMatching(
        /^bucketScheme: unknown bucket scheme; did you mean "us-cycle"\? \(known: .*us-cycle.*\), received "us-cycles"$/,
      ),
    ]);
  });

  it("rejects non-objects and wrong schema versions", () => {
    expect(issuesOf(null)[0]).toMatch(/^\(root\): /);
    const j = base();
    j.schemaVersion = 2;
    expect(issuesOf(j)[0]).toMatch(/^schemaVersion: /);
  });
});

describe("suggestions", () => {
  it("levenshtein distances", () => {
    expect(levenshtein("dpdd", "dpd")).toBe(1);
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
  });
  it("closest: near misses only", () => {
    expect(closest("DPD", ["dpd", "bucket"])).toBe("dpd");
    expect(closest("promisesBrokn90d", ["promisesBroken90d", "promisesKept90d"])).toBe("promisesBroken90d");
    expect(closest("zzzz", ["dpd", "bucket"])).toBeUndefined();
  });
});

describe("shipped policies: embedded tests", () => {
  for (const [id, json] of Object.entries(POLICIES)) {
    it(`${id}: every rule is the expected deciding rule of at least one test`, () => {
      const p = loadPolicy(json);
      const expected = new Set(p.tests.map((t) => t.expect.rule));
      const along = new Set(p.tests.flatMap((t) => t.expect.alongside ?? []));
      // A rule whose action goes alongside is expected in some test's `alongside` list instead.
      const untested = p.rules.filter((r) =>
        r.event.params?.alongside === true ? !along.has(r.event.type) : !expected.has(r.name),
      );
      expect(untested.map((r) => r.name)).toEqual([]);
      for (const t of p.tests) {
        expect(t.expect.rule, t.name).toBeDefined();
        const type =
          t.expect.rule === "(fallback)" ? p.fallbackAction : p.rules.find((r) => r.name === t.expect.rule)!.event.type;
        // An offer that comes back unaffordable is replaced by the policy's review action.
        if (t.expect.action !== p.options.offerReview) expect(t.expect.action, t.name).toBe(type);
      }
    });
  }
});

describe("suggestions: ties", () => {
  it("prefers a candidate that extends the name", () => {
    expect(closest("M7", ["M0", "M1", "M7+"])).toBe("M7+");
    expect(closest("dpd", ["dpd", "dpdx"])).toBe("dpd");
  });
});
