import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateRuleSource } from "../../src/conditions/codegen.js";
import { ConditionValidator } from "../../src/conditions/validate.js";
import { formatIssue } from "../../src/errors/index.js";
import { evaluatePolicy, loadPolicy, type Policy } from "../../src/index.js";
import { POLICIES } from "../../src/rules/index.js";
import { thrownArrearsError } from "../helpers.js";
import { factsArbitrary } from "../rules/helpers.js";

/** A minimal valid policy around the given rules (JSON-shaped, so it can also be written as text). */
function policyJson(rules: unknown[], conditions?: Record<string, unknown>): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: "t",
    version: "1.0.0",
    description: "test",
    bucketScheme: "us-cycle",
    jurisdictions: ["US"],
    currency: "USD",
    scorecards: { risk: "risk-behavioral", hardship: "hardship", segments: "segments" },
    guardrails: "us-reg-f",
    actions: { no_action: { contact: false, description: "n" }, review: { contact: false, description: "r" } },
    ...(conditions ? { conditions } : {}),
    rules,
  };
}
const rule = (name: string, conditions: unknown) => ({ name, conditions, event: { type: "review" } });
const fired = (p: Policy, facts: Record<string, unknown>) =>
  evaluatePolicy(p, facts as never).events.map((e) => e.rule);
const bothEngines = (json: unknown): Policy[] => [loadPolicy(json), loadPolicy(json, { jitless: true })];

describe("loadPolicy: own keys only", () => {
  it('a "__proto__" key inside a condition (as JSON.parse makes it) is rejected with its path', () => {
    const text = JSON.stringify(
      policyJson([
        rule("deceased", { all: [{ fact: "deceased", operator: "equal", value: true, PROTO: { any: [] } }] }),
      ]),
    ).replace('"PROTO"', '"__proto__"');
    const json = JSON.parse(text);
    expect(Object.hasOwn(json.rules[0].conditions.all[0], "__proto__")).toBe(true);
    const e = thrownArrearsError(() => loadPolicy(json));
    expect(e.code).toBe("INVALID_POLICY");
    expect(e.issues.map(formatIssue)).toEqual(["rules[0].conditions.all[0].__proto__: reserved key"]);
    expect(thrownArrearsError(() => loadPolicy(json, { jitless: true })).code).toBe("INVALID_POLICY");
  });

  it('"__proto__", "constructor" and "prototype" are rejected at the root, in shared conditions and as their names', () => {
    const json = JSON.parse(
      JSON.stringify(
        policyJson([rule("a", { PROTO: { all: [] }, any: [] }), rule("b", { condition: "ok" })], {
          PROTO: { any: [] },
          ok: { all: [{ not: { fact: "dpd", operator: "equal", value: 1, constructor: {} } }] },
        }),
      ).replaceAll('"PROTO"', '"__proto__"'),
    );
    expect(thrownArrearsError(() => loadPolicy(json)).issues.map(formatIssue)).toEqual([
      "conditions.__proto__: reserved key",
      "conditions.ok.all[0].not.constructor: reserved key",
      "rules[0].conditions.__proto__: reserved key",
    ]);
  });

  it("a condition object whose prototype has `all`: only its own keys count, in both engines", () => {
    const sneaky = Object.assign(Object.create({ all: [] }), { fact: "deceased", operator: "equal", value: true });
    for (const p of bothEngines(policyJson([rule("deceased", { all: [sneaky] })]))) {
      expect(p.rules[0]!.facts).toEqual(["deceased"]);
      expect(fired(p, { deceased: false })).toEqual([]);
      expect(fired(p, { deceased: true })).toEqual(["deceased"]);
      expect(p.source.rules[0]!.conditions).toEqual({
        all: [{ fact: "deceased", operator: "equal", value: true }],
      });
    }
  });

  it("a rule whose conditions are only inherited has none", () => {
    const r = Object.assign(Object.create({ conditions: { all: [] } }), { name: "r", event: { type: "review" } });
    expect(thrownArrearsError(() => loadPolicy(policyJson([r]))).issues.map(formatIssue)).toEqual([
      "rules[0].conditions: required",
    ]);
  });
});

describe("loadPolicy: limits give ArrearsError, never RangeError", () => {
  const leaf = '{"fact": "dpd", "operator": "greaterThan", "value": 30}';
  const deep = (n: number) => JSON.parse(`${'{"all": ['.repeat(n)}${leaf}${"]}".repeat(n)}`);

  it.each([100, 200])("%i levels of nesting", (n) => {
    const e = thrownArrearsError(() => loadPolicy(policyJson([rule("deep", deep(n))])));
    expect(e.code).toBe("INVALID_POLICY");
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.message).toBe("conditions nested more than 64 levels deep");
    expect(e.issues[0]!.path.slice(0, 5)).toEqual(["rules", 0, "conditions", "all", 0]);
  });

  // Deeper still, the file itself is refused before the condition checks (at 500 levels of JSON).
  it.each([2_000, 100_000])("%i levels of nesting", (n) => {
    const e = thrownArrearsError(() => loadPolicy(policyJson([rule("deep", deep(n))])));
    expect(e.code).toBe("INVALID_POLICY");
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.message).toBe("nested more than 500 levels deep");
    expect(e.issues[0]!.path.slice(0, 5)).toEqual(["rules", 0, "conditions", "all", 0]);
  });

  it("64 levels load and run in both engines", () => {
    for (const p of bothEngines(policyJson([rule("deep", deep(63))]))) {
      expect(fired(p, { dpd: 31 })).toEqual(["deep"]);
      expect(fired(p, { dpd: 30 })).toEqual([]);
    }
  });

  it("at most 20,000 conditions in a file", () => {
    const leaves = (n: number) => Array.from({ length: n }, (_, i) => ({ fact: "dpd", operator: "equal", value: i }));
    expect(loadPolicy(policyJson([rule("wide", { any: leaves(19_999) })])).rules).toHaveLength(1);
    const e = thrownArrearsError(() => loadPolicy(policyJson([rule("wide", { any: leaves(20_000) })])));
    expect(e.issues.map(formatIssue)).toEqual([
      "rules[0].conditions.any[19999]: too many conditions: at most 20000 in one file",
    ]);
  });

  it("lists of at most 1,000 values and strings of at most 1,000 characters", () => {
    const e = thrownArrearsError(() =>
      loadPolicy(
        policyJson([
          rule("list", { all: [{ fact: "accountId", operator: "in", value: Array(1001).fill("a") }] }),
          rule("string", { all: [{ fact: "accountId", operator: "equal", value: "a".repeat(1001) }] }),
        ]),
      ),
    );
    expect(e.issues.map((i) => [formatIssue({ path: i.path, message: i.message })])).toEqual([
      ["rules[0].conditions.all[0].value: a list of at most 1000 values"],
      ["rules[1].conditions.all[0].value: a string of at most 1000 characters"],
    ]);
  });
});

describe("shared conditions: no exponential blow-up", () => {
  /** c0 = all[c1, c1], c1 = all[c2, c2], … : 2^levels leaves if pasted. */
  function doubling(levels: number): Record<string, unknown> {
    const shared: Record<string, unknown> = {};
    for (let i = 0; i < levels; i++)
      shared[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] };
    shared[`c${levels}`] = { all: [{ fact: "dpd", operator: "greaterThan", value: 30 }] };
    return shared;
  }

  it.each([false, true])("23 levels load and evaluate in well under 200 ms (jitless: %s)", (jitless) => {
    const json = policyJson(
      [rule("deep", { condition: "c0" }), rule("also", { not: { condition: "c1" } })],
      doubling(23),
    );
    const t0 = performance.now();
    const p = loadPolicy(json, { jitless });
    const hit = evaluatePolicy(p, { dpd: 31 }, { trace: true });
    const ms = performance.now() - t0;
    expect(p.engine).toBe(jitless ? "closures" : "generated");
    expect(hit.events.map((e) => e.rule)).toEqual(["deep"]);
    expect(hit.trace.map((t) => [t.rule, t.fired, t.facts])).toEqual([
      ["deep", true, { dpd: 31 }],
      ["also", false, { dpd: 31 }],
    ]);
    expect(fired(p, { dpd: 30 })).toEqual(["also"]);
    expect(ms).toBeLessThan(200);
  });

  it("the generated source grows linearly with the levels", () => {
    const size = (levels: number) => {
      const v = new ConditionValidator({ shared: doubling(levels) });
      const root = v.root({ condition: "c0" }, ["r"])!;
      return generateRuleSource([root]).source.length;
    };
    const at10 = size(10);
    const at23 = size(23);
    const perLevel = (at23 - at10) / 13;
    expect(perLevel).toBeLessThan(200);
    expect(Math.abs(size(16) - (at10 + 6 * perLevel))).toBeLessThan(50); // on the line
  });

  it("cycles are still reported", () => {
    const e = thrownArrearsError(() =>
      loadPolicy(
        policyJson([rule("r", { condition: "a" })], {
          a: { all: [{ condition: "b" }] },
          b: { not: { condition: "a" } },
        }),
      ),
    );
    expect(e.issues.map(formatIssue)).toEqual([
      'conditions.b.not.condition: shared conditions refer to each other in a cycle: "a" → "b" → "a", received "a"',
    ]);
  });
});

describe("engines", () => {
  it.each(Object.keys(POLICIES))("shipped policy %s runs as generated code", (id) => {
    expect(loadPolicy(POLICIES[id as keyof typeof POLICIES]).engine).toBe("generated");
  });

  it("jitless: closures; a loaded policy is reloaded only for the other engine", () => {
    const p = loadPolicy(POLICIES["us-default"]);
    expect(loadPolicy(p)).toBe(p);
    expect(loadPolicy(p, { jitless: false })).toBe(p);
    const j = loadPolicy(p, { jitless: true });
    expect(j.engine).toBe("closures");
    expect(j.source).toEqual(p.source);
    expect(loadPolicy(j, { jitless: true })).toBe(j);
    expect(loadPolicy(j, { jitless: false }).engine).toBe("generated");
    expect(JSON.parse(JSON.stringify(j)).engine).toBe("closures");
  });

  it("rejects bad options", () => {
    const e = thrownArrearsError(() => loadPolicy(POLICIES["us-default"], { jitless: "yes" } as never));
    expect(e.code).toBe("INVALID_OPTIONS");
    expect(e.issues[0]!.path).toEqual(["jitless"]);
    expect(thrownArrearsError(() => loadPolicy(POLICIES["us-default"], 3 as never)).code).toBe("INVALID_OPTIONS");
  });

  for (const [id, json] of Object.entries(POLICIES)) {
    it(`${id}: jitless closures give the generated code's events and traces`, () => {
      const generated = loadPolicy(json);
      const closures = loadPolicy(json, { jitless: true });
      fc.assert(
        fc.property(factsArbitrary(generated.source), (facts) => {
          for (const trace of [undefined, "fired", true] as const)
            expect(evaluatePolicy(closures, facts, { trace })).toEqual(evaluatePolicy(generated, facts, { trace }));
        }),
        { numRuns: 1000, seed: 99 },
      );
    });
  }
});
