import { describe, expect, it } from "vitest";
import { ArrearsError, loadReageRules, shippedRuleFile } from "../../src/index.js";

describe("loadReageRules leaves the caller's JSON alone", () => {
  it("does not freeze the caller's test accounts (found by the fuzz harness)", () => {
    const json = structuredClone(shippedRuleFile("reaging", "cn-policy")) as { tests: { account: object }[] };
    expect(json.tests.length).toBeGreaterThan(0);
    const rules = loadReageRules(json);
    expect(Object.isFrozen(rules)).toBe(true);
    expect(Object.isFrozen(json.tests[0]!.account)).toBe(false);
  });

  it("a test account that cannot be copied is an ArrearsError, not a RangeError", () => {
    const json = structuredClone(shippedRuleFile("reaging", "cn-policy")) as { tests: { account: unknown }[] };
    let deep: unknown = {};
    for (let i = 0; i < 200_000; i++) deep = { x: deep };
    json.tests[0]!.account = deep;
    expect(() => loadReageRules(json)).toThrow(ArrearsError);
  });
});
