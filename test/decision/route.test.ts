import { describe, expect, it } from "vitest";
import {
  decide,
  decideMany,
  isDecisionError,
  loadPolicy,
  type Policy,
  routePolicies,
  shippedRuleFile,
  summarizePortfolio,
} from "../../src/index.js";
import { account } from "../../src/testing/index.js";
import { thrownArrearsError } from "../helpers.js";

const asOf = "2026-11-23T15:00:00Z";
const cn = loadPolicy("cn-default");
const us = loadPolicy("us-default");

/** us-default narrowed to other jurisdictions (and, optionally, guardrail profiles). */
function variant(id: string, jurisdictions: string[], extra: Record<string, unknown> = {}, options = {}): Policy {
  const json = structuredClone(shippedRuleFile("policies", "us-default")) as Record<string, unknown>;
  return loadPolicy({ ...json, id, jurisdictions, tests: [], ...extra }, options);
}

const usAccount = account().id("US-1").asOf(asOf).overdue(20);
const cnAccount = account().id("CN-1").asOf(asOf).currency("CNY").timeZone("Asia/Shanghai").locale("zh-CN").overdue(20);

describe("a policy decides only accounts in its jurisdictions and currency", () => {
  it("decides an account it covers, and says which jurisdiction and profiles applied", () => {
    const d = decide(us, usAccount.build(), { asOf });
    expect(d.notApplicable).toBeUndefined();
    expect(d.jurisdiction).toBe("US-NY");
    expect(d.guardrails.map((g) => g.id)).toEqual(["us-reg-f"]);
    expect(d.facts.jurisdiction).toBe("US-NY");
  });

  it("a CNY account in China is not decided under US thresholds and Reg F", () => {
    const d = decide(us, cnAccount.build(), { asOf });
    expect(d.notApplicable).toEqual({
      code: "JURISDICTION_MISMATCH",
      message: "policy us-default applies in US, not CN, and has thresholds in USD, not CNY",
    });
    expect(d.action).toMatchObject({ type: "no_action", contact: false, rule: "(not applicable)" });
    expect([d.facts, d.scores, d.trace, d.guardrails]).toEqual([{}, null, [], []]);
    // The exposure is still reported, exactly.
    expect(d.amounts.currency).toBe("CNY");
    expect(d.amounts.overdue.total).not.toBe("0.00");
  });

  it("an account in another currency than the policy's thresholds is not decided", () => {
    const d = decide(us, usAccount.currency("CNY").jurisdiction("US-NY").build(), { asOf });
    expect(d.notApplicable?.code).toBe("CURRENCY_MISMATCH");
  });

  it("an account without a jurisdiction is never decided by a silent default", () => {
    const d = decide(us, usAccount.jurisdiction(null).build(), { asOf });
    expect(d.notApplicable?.code).toBe("JURISDICTION_UNKNOWN");
    expect(d.jurisdiction).toBeNull();
  });

  it("a policy whose profiles do not cover the account's state says so", () => {
    const maOnly = structuredClone(shippedRuleFile("guardrails", "us-reg-f")) as Record<string, unknown>;
    const p = variant(
      "ma-profile",
      ["US"],
      { guardrails: "ma-only" },
      {
        catalogue: { guardrails: [{ ...maOnly, id: "ma-only", jurisdictions: ["US-MA"], tests: [] }] },
      },
    );
    expect(decide(p, usAccount.jurisdiction("US-MA").build(), { asOf }).notApplicable).toBeUndefined();
    expect(decide(p, usAccount.build(), { asOf }).notApplicable?.code).toBe("NO_GUARDRAILS");
  });
});

describe("routePolicies", () => {
  const router = routePolicies([cn, us]);

  it("decides each account with the policy of its jurisdiction", () => {
    expect(decide(router, cnAccount.build(), { asOf }).policy?.id).toBe("cn-default");
    expect(decide(router, usAccount.jurisdiction("US-CA").build(), { asOf }).policy?.id).toBe("us-default");
  });

  it("the most specific jurisdiction wins, whatever the order", () => {
    const ma = variant("us-ma", ["US-MA"]);
    for (const r of [routePolicies([us, ma]), routePolicies([ma, us])]) {
      expect(decide(r, usAccount.jurisdiction("US-MA").build(), { asOf }).policy?.id).toBe("us-ma");
      expect(decide(r, usAccount.jurisdiction("US-NY").build(), { asOf }).policy?.id).toBe("us-default");
    }
  });

  it("accounts no policy covers get a reason, and the portfolio summary counts them", () => {
    const accounts = [
      cnAccount.build(),
      usAccount.build(),
      usAccount.id("FR-1").jurisdiction("FR").currency("EUR").build(),
      usAccount.id("NOJ").jurisdiction(null).build(),
      usAccount.id("US-CNY").currency("CNY").jurisdiction("US-NY").build(),
    ];
    const ds = [...decideMany(router, accounts, { asOf })];
    const codes = ds.map((d) => (isDecisionError(d) ? d.error.code : (d.notApplicable?.code ?? null)));
    expect(codes).toEqual([null, null, "NO_POLICY_FOR_JURISDICTION", "JURISDICTION_UNKNOWN", "CURRENCY_MISMATCH"]);
    const s = summarizePortfolio(ds);
    expect(s.decisions).toBe(5);
    expect(s.notApplicable.count).toBe(3);
    expect(s.notApplicable.byCode.map((r) => [r.code, r.count])).toEqual([
      ["CURRENCY_MISMATCH", 1],
      ["JURISDICTION_UNKNOWN", 1],
      ["NO_POLICY_FOR_JURISDICTION", 1],
    ]);
    expect(s.byPolicy.map((r) => [r.policy, r.count])).toEqual([
      ["(none)", 3],
      ["cn-default", 1],
      ["us-default", 1],
    ]);
    // Not-applicable accounts are not counted as decided actions.
    expect(s.byAction.reduce((n, r) => n + r.count, 0)).toBe(2);
  });

  it("refuses ambiguous or invalid sets with the path of each problem", () => {
    const e = thrownArrearsError(() => routePolicies([us, variant("us-2", ["US"])]));
    expect(e.code).toBe("INVALID_POLICY");
    expect(e.issues[0]).toMatchObject({ path: [1, "jurisdictions"], received: "US" });
    expect(thrownArrearsError(() => routePolicies([])).code).toBe("INVALID_POLICY");
    expect(thrownArrearsError(() => routePolicies([us, { meta: {} } as never])).issues[0]!.path).toEqual([1]);
  });
});
