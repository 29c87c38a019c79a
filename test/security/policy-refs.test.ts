import { describe, expect, it } from "vitest";
import { ArrearsError, loadPolicy, shippedRuleFile } from "../../src/index.js";

type Json = Record<string, any>;
const base = (): Json => structuredClone(shippedRuleFile("policies", "cn-default")) as Json;
const hostile = () => ({
  toString() {
    throw new Error("caller's own exception");
  },
});

// Found by the 100,000-account fuzz run (policies:8198 and policies:9371, seed 20261129).
describe("loadPolicy: action references that are not strings", () => {
  it("a fallbackAction object (even one whose toString throws) is an INVALID_POLICY issue", () => {
    for (const fallbackAction of [hostile(), { a: 1 }, ["no_action"]]) {
      const json = { ...base(), fallbackAction };
      const e = (() => {
        try {
          loadPolicy(json);
        } catch (x) {
          return x;
        }
      })();
      expect(e).toBeInstanceOf(ArrearsError);
      expect((e as ArrearsError).code).toBe("INVALID_POLICY");
      expect((e as ArrearsError).issues.some((i) => i.path[0] === "fallbackAction")).toBe(true);
    }
  });

  it("an offerReview object or a prototype key is an INVALID_POLICY issue", () => {
    for (const offerReview of [hostile(), "toString", "__proto__"]) {
      const json = base();
      json.options.offerReview = offerReview;
      expect(() => loadPolicy(json)).toThrow(ArrearsError);
    }
  });
});
