import { describe, expect, it } from "vitest";
import { ClosureCompiler } from "../../src/conditions/closures.js";
import { codeGenerationAvailable, generateRuleSource, generateRunner } from "../../src/conditions/codegen.js";
import type { CompareNode, ConditionNode } from "../../src/conditions/tree.js";
import { ConditionValidator } from "../../src/conditions/validate.js";
import { thrownArrearsError } from "../helpers.js";

const dpdAbove = (n: number): CompareNode => ({
  kind: "compare",
  fact: "dpd",
  operator: "greaterThan",
  negate: false,
  operand: { kind: "literal", value: n },
});

describe("generated code fails loudly", () => {
  it("is available here (Node allows new Function)", () => {
    expect(codeGenerationAvailable()).toBe(true);
  });

  it.each<[string, ConditionNode]>([
    ["an unknown node kind", { kind: "xor", children: [] } as unknown as ConditionNode],
    ["an unknown operator", { ...dpdAbove(1), operator: "matches" } as unknown as ConditionNode],
    ["an operator named like an Object.prototype member", { ...dpdAbove(1), operator: "toString" } as never],
    ["a fact outside the catalogue", { ...dpdAbove(1), fact: "constructor" }],
    ["a fact name that is code", { ...dpdAbove(1), fact: "x; throw 1" }],
    ["a non-finite literal", { ...dpdAbove(1), operand: { kind: "literal", value: Number.POSITIVE_INFINITY } }],
    ["an object literal", { ...dpdAbove(1), operand: { kind: "literal", value: {} as never } }],
    ["an operand of unknown kind", { ...dpdAbove(1), operand: { kind: "path" } as never }],
  ])("%s → ArrearsError INTERNAL", (_, node) => {
    const e = thrownArrearsError(() => generateRunner([{ kind: "all", children: [node] }], ["e"]));
    expect(e.code).toBe("INTERNAL");
    expect(e.message).toMatch(/^code generation: /);
  });

  it("a runner needs one event per condition", () => {
    expect(thrownArrearsError(() => generateRunner([dpdAbove(1)], [])).code).toBe("INTERNAL");
  });

  it("a tree too deep for the stack is INTERNAL too, not a RangeError", () => {
    let node: ConditionNode = dpdAbove(1);
    for (let i = 0; i < 100_000; i++) node = { kind: "not", child: node };
    expect(thrownArrearsError(() => generateRunner([node], ["e"])).code).toBe("INTERNAL");
  });
});

describe("shared conditions are emitted once", () => {
  /** c0 = all[c1, c1], c1 = all[c2, c2], …: pasted, 2^levels copies. */
  function doubling(levels: number) {
    const shared: Record<string, unknown> = {};
    for (let i = 0; i < levels; i++)
      shared[`c${i}`] = { all: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] };
    shared[`c${levels}`] = { any: [{ fact: "dpd", operator: "greaterThan", value: 30 }] };
    const v = new ConditionValidator({ shared });
    const root = v.root({ condition: "c0" }, ["r"])!;
    expect(v.issues).toEqual([]);
    return root;
  }

  it("source size grows linearly with the number of levels", () => {
    const sizes = Array.from({ length: 14 }, (_, i) => generateRuleSource([doubling(10 + i)]).source.length);
    const steps = sizes.slice(1).map((s, i) => s - sizes[i]!);
    // One small function per level: the same few lines each time (names grow by a digit at c10).
    expect(Math.min(...steps)).toBeGreaterThan(0);
    expect(Math.max(...steps)).toBeLessThan(200);
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThanOrEqual(16);
  });

  it("closures compile each shared condition once and both back-ends agree", () => {
    const root = doubling(23);
    const closure = new ClosureCompiler().predicate(root);
    const out: string[] = [];
    const run = generateRunner([root], ["fired"]);
    for (const dpd of [10, 31]) {
      out.length = 0;
      run({ dpd }, out);
      expect(out.length === 1).toBe(closure({ dpd }));
    }
    expect(closure({ dpd: 31 })).toBe(true);
  });
});
