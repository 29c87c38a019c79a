// Batch semantics (laziness, error entries, sync/async, experiments, comparison) with a stand-in
// for `decide`, so these tests pin this module's behaviour independently of the policy engine.
import { describe, expect, it, vi } from "vitest";
import { ArrearsError } from "../../src/errors/index.js";
import type { Account } from "../../src/model/account.js";
import { account } from "../../src/testing/builder.js";

const calls: string[] = [];
vi.mock("../../src/decision/decide.js", () => ({
  decide: (
    policy: { meta: { id: string; version: string }; big: string },
    acc: Account,
    opts: { asOf: string; variant?: string },
  ) => {
    calls.push(acc.id);
    if (acc.id === "THROWS") throw new ArrearsError("INVALID_OPTIONS", [{ path: ["x"], message: "boom" }]);
    const principal = Number(acc.balance.principal);
    const type = principal >= Number(policy.big) ? "call_borrower" : "send_sms_reminder";
    return {
      accountId: acc.id,
      asOf: opts.asOf,
      policy: policy.meta,
      ...(opts.variant !== undefined ? { variant: opts.variant } : {}),
      facts: { bucket: "M1", bucketIndex: 1 },
      amounts: {
        currency: acc.currency,
        overdue: { total: "1.00" },
        outstanding: { total: String(acc.balance.principal) },
      },
      scores: { segment: null, priority: 0 },
      action: { type, channel: null, rule: "r", earliestAt: opts.asOf, contact: true, params: {} },
      blocked: [],
      allContactsBlocked: false,
      nextContactAt: null,
      trace: [],
    };
  },
}));

const { decideMany, decideManyAsync, isDecisionError } = await import("../../src/portfolio/batch.js");
const { comparePolicies } = await import("../../src/portfolio/compare.js");
const { decideWithExperiment, loadPolicySet } = await import("../../src/portfolio/policy-set.js");
const { summarizePortfolio } = await import("../../src/portfolio/summary.js");
const { assignVariant } = await import("../../src/portfolio/experiment.js");

const A = { meta: { id: "A", version: "1" }, big: "500" } as never;
const B = { meta: { id: "B", version: "2" }, big: "100" } as never;
const asOf = "2026-11-23T15:00:00Z";
const acct = (id: string, principal: string) => account().id(id).overdue(10).balance(principal).build();

describe("decideMany", () => {
  it("is lazy: nothing is decided until pulled, one at a time", () => {
    calls.length = 0;
    const it = decideMany(A, [acct("a1", "600"), acct("a2", "50")], { asOf });
    expect(calls).toEqual([]);
    expect(it.next().value).toMatchObject({ accountId: "a1", action: { type: "call_borrower" } });
    expect(calls).toEqual(["a1"]);
  });

  it("yields error entries for invalid accounts and goes on", () => {
    const items = [
      ...decideMany(A, [acct("a1", "600"), { id: "bad", product: "car" }, 42, acct("THROWS", "1"), acct("a2", "50")], {
        asOf,
      }),
    ];
    expect(items).toHaveLength(5);
    expect(
      items.map((x) => (isDecisionError(x) ? `E:${x.accountId}:${x.index}:${x.error.code}` : x.accountId)),
    ).toEqual(["a1", "E:bad:1:INVALID_ACCOUNT", "E:null:2:INVALID_ACCOUNT", "E:THROWS:3:INVALID_OPTIONS", "a2"]);
    const e = items[1];
    if (!isDecisionError(e!)) throw new Error("expected an error entry");
    expect(e.error.issues.some((i) => i.path[0] === "product")).toBe(true);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e); // plain JSON
  });

  it("streams an unbounded generator (nothing accumulated)", () => {
    function* many() {
      for (let i = 0; ; i++) yield acct(`g${i}`, "700");
    }
    let n = 0;
    for (const _d of decideMany(A, many(), { asOf })) if (++n === 50) break;
    expect(n).toBe(50);
  });

  it("async sources give an async generator; decideManyAsync takes both", async () => {
    async function* src() {
      yield acct("x1", "900");
      yield { nope: true };
    }
    const gen = decideMany(A, src(), { asOf });
    expect(Symbol.asyncIterator in gen).toBe(true);
    const out = [];
    for await (const d of gen) out.push(d);
    expect(out.map((d) => (isDecisionError(d) ? "E" : d.accountId))).toEqual(["x1", "E"]);
    const out2 = [];
    for await (const d of decideManyAsync(A, [acct("y1", "1")], { asOf })) out2.push(d);
    expect(out2).toHaveLength(1);
  });

  it("bad options throw at once (not lazily)", () => {
    expect(() => decideMany(A, [], { asOf: "tomorrow" })).toThrow(ArrearsError);
    expect(() => decideMany(A, 5 as never, { asOf })).toThrow(ArrearsError);
  });

  it("feeds summarizePortfolio in one pass", () => {
    const s = summarizePortfolio(decideMany(A, [acct("a", "600.00"), acct("b", "50.10"), { id: "bad" }], { asOf }));
    expect(s.decisions).toBe(2);
    expect(s.errors).toBe(1);
    expect(s.total.exposure.USD!.outstanding).toBe("650.10");
  });
});

describe("comparePolicies", () => {
  it("builds the transition matrix with examples (hand-computed)", () => {
    // A: call if principal ≥ 500; B: call if ≥ 100.
    const accounts = [
      acct("p1", "50"),
      acct("p2", "150"),
      acct("p3", "250"),
      acct("p4", "700"),
      acct("p5", "120"),
      { id: "bad" },
    ];
    const r = comparePolicies(A, B, accounts, { asOf, examplesPerCell: 2 });
    expect(r.total).toBe(5);
    expect(r.changed).toBe(3);
    expect(r.changedShare).toBe(0.6);
    expect(r.actions).toEqual(["call_borrower", "send_sms_reminder"]);
    expect(r.counts).toEqual([
      [1, 0],
      [3, 1],
    ]);
    expect(r.cells[0]).toEqual({ from: "send_sms_reminder", to: "call_borrower", count: 3, examples: ["p2", "p3"] });
    expect(r.byAction).toEqual([
      { action: "call_borrower", a: 1, b: 4 },
      { action: "send_sms_reminder", a: 4, b: 1 },
    ]);
    expect(r.errors.count).toBe(1);
    expect(r.errors.examples[0]).toMatchObject({ accountId: "bad", index: 5 });
    expect(r.policies).toEqual({ a: { id: "A", version: "1" }, b: { id: "B", version: "2" } });
  });

  it("identical policies change nothing; bad options throw", () => {
    const r = comparePolicies(A, A, [acct("p1", "50"), acct("p2", "900")], { asOf });
    expect(r.changed).toBe(0);
    expect(r.changedShare).toBe(0);
    expect(comparePolicies(A, B, [], { asOf }).changedShare).toBe(0);
    expect(() => comparePolicies(A, B, [], { asOf, examplesPerCell: -1 })).toThrow(ArrearsError);
  });
});

describe("decideWithExperiment", () => {
  const experiment = {
    id: "q4",
    salt: "2026-q4",
    variants: [
      { name: "champion", weight: 1 },
      { name: "challenger", weight: 1 },
    ],
  };
  it("decides with the assigned variant's policy and records the variant", () => {
    const set = loadPolicySet({ experiment, policies: { champion: A, challenger: B } });
    for (let i = 0; i < 40; i++) {
      const id = `E${i}`;
      const d = decideWithExperiment(set, acct(id, "300"), { asOf });
      const v = assignVariant(experiment, id);
      expect(d.variant).toBe(v);
      expect(d.policy?.id).toBe(v === "champion" ? "A" : "B");
      expect(d.action.type).toBe(v === "champion" ? "send_sms_reminder" : "call_borrower");
    }
  });
  it("a variant without a policy is INVALID_EXPERIMENT", () => {
    expect(() => loadPolicySet({ experiment, policies: { champion: A } })).toThrow(
      /no policy for variant "challenger"/,
    );
    try {
      loadPolicySet({ experiment, policies: { champion: A } });
    } catch (e) {
      expect((e as ArrearsError).code).toBe("INVALID_EXPERIMENT");
    }
  });
});
