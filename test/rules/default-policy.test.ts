import { describe, expect, it } from "vitest";
import type { AccountInput } from "../../src/index.js";
import { decide, loadPolicy } from "../../src/index.js";
import { POLICIES } from "../../src/rules/index.js";

// Runs every shipped policy's embedded tests through decide (the contract in src/policy/decision.ts).
for (const [id, json] of Object.entries(POLICIES)) {
  describe(`policy ${id}: embedded tests`, () => {
    const policy = loadPolicy(json);
    const decidingRules = new Set<string>();

    for (const t of policy.tests) {
      it(t.name, () => {
        const d = decide(policy, t.account as AccountInput, { asOf: t.asOf });
        decidingRules.add(d.action.rule);
        // A rule whose action only ever goes alongside another is covered when it does.
        for (const a of d.action.alongside ?? []) decidingRules.add(a.rule);
        const e = t.expect;
        if (e.action !== undefined) expect(d.action.type).toBe(e.action);
        if (e.rule !== undefined) expect(d.action.rule).toBe(e.rule);
        if (e.channel !== undefined) expect(d.action.channel).toBe(e.channel);
        if (e.blocked !== undefined) expect(d.blocked.map((b: { type: string }) => b.type)).toEqual(e.blocked);
        if (e.params !== undefined) expect(d.action.params).toMatchObject(e.params);
        if (e.alongside !== undefined) expect((d.action.alongside ?? []).map((a) => a.type)).toEqual(e.alongside);
        expect(d.policy).toEqual({ id: policy.meta.id, version: policy.meta.version });
        // Same input, same bytes.
        expect(JSON.stringify(decide(policy, t.account as AccountInput, { asOf: t.asOf }))).toBe(JSON.stringify(d));
      });
    }

    it("every rule decides (or adds its action alongside) in at least one embedded test", () => {
      const missing = policy.rules.map((r) => r.name).filter((n) => !decidingRules.has(n));
      expect(missing).toEqual([]);
    });
  });
}
