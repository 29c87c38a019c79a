/**
 * A runtime that forbids `new Function` (a strict Content-Security-Policy, some edge runtimes):
 * policies run as closures without being asked. In its own file, with the library imported only
 * after `Function` is replaced: the check runs once per module instance, and vitest gives each
 * test file its own.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { config } from "zod";
import ladder from "../fixtures/us-ladder-2.0.0.json";

type Api = typeof import("../../src/index.js");
let api: Api;

describe("without new Function", () => {
  beforeAll(async () => {
    // As zod would find by itself under a real CSP (it decides when its schemas are built).
    config({ jitless: true });
    vi.stubGlobal("Function", function Refused() {
      throw new EvalError("Refused to evaluate a string as JavaScript (Content-Security-Policy)");
    });
    api = await import("../../src/index.js");
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    config({ jitless: false });
  });

  it("loadPolicy falls back to closures and gives the same decisions", () => {
    const { evaluatePolicy, loadPolicy, shippedRuleFiles, shippedRuleFile } = api;
    const POLICIES = Object.fromEntries(
      shippedRuleFiles()
        .filter((f) => f.kind === "policies")
        .map((f) => [f.id, shippedRuleFile("policies", f.id)]),
    );
    for (const json of Object.values(POLICIES)) {
      const p = loadPolicy(json);
      expect(p.engine).toBe("closures");
      expect(loadPolicy(json, { jitless: false }).engine).toBe("closures");
      expect(evaluatePolicy(p, { deceased: true }).events[0]!.rule).toBe("hold-deceased");
    }
    const p = loadPolicy(ladder);
    expect(loadPolicy(p, { jitless: false })).toBe(p); // nothing else to compile to
    const { events, trace } = evaluatePolicy(
      p,
      { dpd: 95, outstandingAmount: 3000, visitOptOut: false, daysSinceVisitNotice: 10, visits30d: 0 },
      { trace: true },
    );
    expect(events[0]!.type).toBe("home_visit");
    expect(trace.filter((t) => t.fired).map((t) => t.rule)).toEqual(events.map((e) => e.rule));
  });
});
