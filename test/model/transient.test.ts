import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide, loadPolicy, parseAccount, routePolicies } from "../../src/index.js";
import { isParsedAccount, parseTransient } from "../../src/model/account.js";
import { prepareAccount } from "../../src/model/index.js";
import { account, call } from "../contacts/fixtures.js";
import { accountArb } from "../facts/arbitrary.js";

// decide and the batches parse a plain account into a copy the caller never sees: that copy is
// only "transient" (trusted until the next one), never entered in the per-account registries.
describe("transient parsing (decide on a plain account)", () => {
  const plain = account({ contacts: [call("2026-11-02T10:00:00+08:00", "right_party")] });

  it("is the same account parseAccount gives, trusted as parsed until the next transient parse", () => {
    const r = parseTransient(plain, false);
    if (!r.success) throw r.error;
    expect(r.data).toEqual(parseAccount(plain));
    expect(Object.isFrozen(r.data.contacts[0])).toBe(true);
    expect(isParsedAccount(r.data)).toBe(true);
    const next = parseTransient({ ...plain, id: "T2" }, false);
    expect(next.success).toBe(true);
    expect(isParsedAccount(r.data)).toBe(false); // no registry entry kept it
  });

  it("hands back an account parseAccount gave, which stays registered", () => {
    const parsed = parseAccount(plain);
    const r = parseTransient(parsed, false);
    expect(r.success && r.data).toBe(parsed);
    parseTransient({ ...plain, id: "T3" }, false);
    expect(isParsedAccount(parsed)).toBe(true);
  });

  it("reports an invalid account as parseAccount does, and keeps lenient warnings", () => {
    const bad = { ...plain, payments: [{ date: "2026-13-01", amount: "1.00" }] };
    const r = parseTransient(bad, false);
    expect(r.success).toBe(false);
    expect(() => parseAccount(bad)).toThrow(r.success ? "" : r.error.message);
    const lenient = parseTransient(bad, true);
    expect(lenient.success && lenient.data.payments).toEqual([]);
    const policy = loadPolicy("cn-default");
    const d = decide(policy, bad, { asOf: "2026-11-23T10:00:00+08:00", lenient: true });
    expect(d.warnings?.map((w) => w.path)).toEqual([["payments", 0]]);
  });

  it("does not enter the prepared-view cache, which a parsed account does", () => {
    const r = parseTransient({ ...plain, id: "T4" }, false);
    if (!r.success) throw r.error;
    const parsed = parseAccount({ ...plain, id: "T5" });
    const a = prepareAccount(r.data);
    const b = prepareAccount(parsed);
    // The parsed account's view comes back from the cache after another account's; the transient one is rebuilt.
    const again = prepareAccount(r.data);
    expect(again).toEqual(a);
    expect(again).not.toBe(a);
    expect(prepareAccount(parsed)).toBe(b);
    prepareAccount(r.data);
    expect(prepareAccount(r.data)).toBe(prepareAccount(r.data)); // the last one prepared is kept
  });

  it("property: a decision on a plain account equals the decision on its parsed account, in any interleaving", () => {
    const policy = routePolicies(["cn-default", "us-default", "gb-default"].map((id) => loadPolicy(id)));
    fc.assert(
      fc.property(fc.array(accountArb, { minLength: 2, maxLength: 4 }), (gs) => {
        const parsed = gs.map((g) => parseAccount(g.account));
        for (let i = 0; i < gs.length; i++) {
          const asOf = new Date(gs[i]!.asOfMs).toISOString();
          const viaPlain = decide(policy, gs[i]!.account, { asOf, render: false });
          const viaOther = decide(policy, gs[(i + 1) % gs.length]!.account, { asOf, render: false });
          expect(decide(policy, parsed[i]!, { asOf, render: false })).toEqual(viaPlain);
          expect(decide(policy, gs[(i + 1) % gs.length]!.account, { asOf, render: false })).toEqual(viaOther);
        }
      }),
      { numRuns: 40 },
    );
  });
});
