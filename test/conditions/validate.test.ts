import { describe, expect, it } from "vitest";
import { ClosureCompiler } from "../../src/conditions/closures.js";
import { generateRunner } from "../../src/conditions/codegen.js";
import type { ConditionNode } from "../../src/conditions/tree.js";
import { CONDITION_LIMITS, ConditionValidator } from "../../src/conditions/validate.js";
import { formatIssue } from "../../src/errors/index.js";

const issues = (v: ConditionValidator) => v.issues.map(formatIssue);
/** `{"all": [{"all": [ … leaf … ]}]}`, `depth` levels of `all` around a leaf (built without recursion). */
function nested(depth: number, leaf: unknown = { fact: "dpd", operator: "greaterThan", value: 1 }): unknown {
  let c = leaf;
  for (let i = 0; i < depth; i++) c = { all: [c] };
  return c;
}
/** Both back-ends on one tree: they must agree. */
function holds(node: ConditionNode, facts: Record<string, unknown>): boolean {
  const closure = new ClosureCompiler().predicate(node)(facts);
  const out: number[] = [];
  generateRunner([node], [1])(facts, out);
  expect(out.length > 0).toBe(closure);
  return closure;
}

describe("ConditionValidator: own keys only", () => {
  it("ignores keys inherited from a prototype", () => {
    const c = Object.assign(Object.create({ all: [], any: [] }), { fact: "deceased", operator: "equal", value: true });
    const v = new ConditionValidator();
    const node = v.root({ all: [c] }, ["conditions"])!;
    expect(v.issues).toEqual([]);
    expect(node).toEqual({
      kind: "all",
      children: [
        {
          kind: "compare",
          fact: "deceased",
          operator: "equal",
          negate: false,
          operand: { kind: "literal", value: true },
        },
      ],
    });
    expect(holds(node, { deceased: false })).toBe(false);
    expect(holds(node, { deceased: true })).toBe(true);
  });

  it("a root whose all/any/not is only inherited is not a root", () => {
    const v = new ConditionValidator();
    expect(v.root(Object.create({ all: [] }), ["r"])).toBeNull();
    expect(issues(v)).toEqual([
      'r: the root of conditions must be an object with "all", "any", "not" or "condition", received object',
    ]);
  });

  it("an inherited value or fact does not fill in a missing one", () => {
    const v = new ConditionValidator();
    const c = Object.assign(Object.create({ value: true }), { fact: "deceased", operator: "equal" });
    expect(v.condition(c, ["c"])).toBeNull();
    expect(issues(v)).toEqual(["c.value: required"]);
  });

  it("rejects __proto__, constructor and prototype keys anywhere, with their path", () => {
    const raw = JSON.parse(
      `{"all": [
        {"fact": "deceased", "operator": "equal", "value": true, "__proto__": {"any": []}},
        {"not": {"fact": "dpd", "operator": "equal", "value": 1, "constructor": 1}},
        {"fact": "dpd", "operator": "equal", "value": {"fact": "bucketIndex", "prototype": {}}}
      ]}`,
    );
    const v = new ConditionValidator();
    expect(v.root(raw, ["rules", 0, "conditions"])).toBeNull();
    expect(issues(v)).toEqual([
      "rules[0].conditions.all[0].__proto__: reserved key",
      "rules[0].conditions.all[1].not.constructor: reserved key",
      "rules[0].conditions.all[2].value.prototype: reserved key",
    ]);
  });

  it("rejects a shared condition named __proto__", () => {
    const shared = JSON.parse(`{"__proto__": {"any": []}, "ok": {"all": []}}`);
    const v = new ConditionValidator({ shared });
    expect(issues(v)).toEqual(["conditions.__proto__: reserved key"]);
    expect(v.shared.map((s) => s.name)).toEqual(["ok"]);
    v.root({ condition: "__proto__" }, ["r"]);
    expect(issues(v)[1]).toBe('r.condition: unknown condition "__proto__", received "__proto__"');
  });
});

describe("ConditionValidator: limits", () => {
  it("2,000 levels of nesting: one issue at level 65, no RangeError", () => {
    const v = new ConditionValidator();
    expect(v.root(nested(2000), ["c"])).toBeNull();
    expect(v.issues).toHaveLength(1);
    expect(v.issues[0]!.path).toHaveLength(1 + 2 * CONDITION_LIMITS.maxDepth);
    expect(v.issues[0]!.message).toBe("conditions nested more than 64 levels deep");
  });

  it("64 levels are fine", () => {
    const v = new ConditionValidator();
    // 63 levels of all + the leaf = 64 nodes deep
    expect(v.root(nested(63), ["c"])).not.toBeNull();
    expect(v.issues).toEqual([]);
    expect(new ConditionValidator().root(nested(64), ["c"])).toBeNull();
  });

  it("counts every condition in the file, shared ones once", () => {
    const leaf = { fact: "dpd", operator: "greaterThan", value: 1 };
    const v = new ConditionValidator({ limits: { maxNodes: 10 } });
    expect(v.root({ all: Array(9).fill(leaf) }, ["a"])).not.toBeNull(); // 10 nodes
    expect(v.root({ all: [] }, ["b"])).toBeNull();
    expect(issues(v)).toEqual(["b: too many conditions: at most 10 in one file"]);
    expect(v.root({ all: [] }, ["c"])).toBeNull();
    expect(v.issues).toHaveLength(1); // validation stopped
  });

  it("lists and strings", () => {
    const v = new ConditionValidator();
    const long = "x".repeat(1001);
    v.condition({ fact: "accountId", operator: "in", value: Array(1001).fill("a") }, ["a"]);
    v.condition({ fact: "accountId", operator: "equal", value: long }, ["b"]);
    v.condition({ fact: "accountId", operator: "in", value: ["ok", long] }, ["c"]);
    v.condition({ fact: long, operator: "equal", value: "x" }, ["d"]);
    expect(issues(v)).toEqual([
      "a.value: a list of at most 1000 values, received array(1001)",
      `b.value: a string of at most 1000 characters, received "${"x".repeat(57)}..."`,
      `c.value[1]: a string of at most 1000 characters, received "${"x".repeat(57)}..."`,
      `d.fact: unknown fact "${long}", received "${"x".repeat(57)}..."`,
    ]);
    expect(
      new ConditionValidator().condition({ fact: "accountId", operator: "in", value: Array(1000).fill("a") }, []),
    ).not.toBeNull();
  });

  it("reference depth: a chain of 33 shared conditions is one too many", () => {
    const chain = (n: number) => {
      const shared: Record<string, unknown> = {};
      for (let i = 0; i < n; i++)
        shared[`s${i}`] =
          i + 1 < n ? { all: [{ condition: `s${i + 1}` }] } : { all: [{ fact: "dpd", operator: "equal", value: 1 }] };
      return shared;
    };
    expect(new ConditionValidator({ shared: chain(32) }).issues).toEqual([]);
    const v = new ConditionValidator({ shared: chain(33) });
    expect(issues(v)).toEqual(["conditions.s0: shared conditions refer to each other more than 32 levels deep"]);
  });

  it("reports a cycle once, at the reference that closes it", () => {
    const v = new ConditionValidator({
      shared: { a: { all: [{ condition: "b" }] }, b: { any: [{ condition: "a" }] }, c: { not: { condition: "c" } } },
    });
    expect(issues(v)).toEqual([
      'conditions.b.any[0].condition: shared conditions refer to each other in a cycle: "a" → "b" → "a", received "a"',
      'conditions.c.not.condition: shared conditions refer to each other in a cycle: "c" → "c", received "c"',
    ]);
  });
});

describe("the tree", () => {
  it("folds not: decorators into negate and keeps shared conditions as one node", () => {
    const v = new ConditionValidator({
      shared: { late: { all: [{ fact: "dpd", operator: "not:not:not:lessThan", value: 30 }] } },
    });
    const a = v.root({ condition: "late" }, ["a"])!;
    const b = v.root({ not: { condition: "late" } }, ["b"])!;
    expect(v.issues).toEqual([]);
    expect(a.kind === "ref" && b.kind === "not" && b.child.kind === "ref" && a.target === b.child.target).toBe(true);
    const late = v.shared[0]!;
    expect(late.facts).toEqual(["dpd"]);
    expect(late.root).toMatchObject({ kind: "all", children: [{ operator: "lessThan", negate: true }] });
    expect(Object.isFrozen(late) && Object.isFrozen(late.root)).toBe(true);
    expect(holds(a, { dpd: 30 })).toBe(true);
    expect(holds(a, { dpd: 29 })).toBe(false);
    expect(holds(a, { dpd: null })).toBe(true); // not: of a failed number check
  });
});
