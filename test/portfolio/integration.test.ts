// The portfolio tools end to end with the real default policy.
import { describe, expect, it } from "vitest";
import {
  type AccountInput,
  assignVariant,
  comparePolicies,
  decide,
  decideMany,
  decideWithExperiment,
  isDecisionError,
  loadPolicy,
  loadPolicySet,
  summarizePortfolio,
} from "../../src/index.js";
import { account } from "../../src/testing/index.js";
import ladder from "../fixtures/us-ladder-2.0.0.json";

// A frozen copy of a published ladder (us-default 2.0.0): these tests are about the machinery,
// not about the shipped ladder's current content.
const defaultPolicy: unknown = ladder;

const asOf = "2026-11-23T15:00:00Z"; // 10:00 in New York
const policy = loadPolicy(defaultPolicy);
const base = account().asOf(asOf).income("3000.00");

function selfCure(): unknown {
  const json = structuredClone(defaultPolicy) as {
    id: string;
    tests: unknown[];
    rules: { name: string; conditions: { all: { fact: string; value: unknown }[] } }[];
  };
  json.id = "self-cure-10";
  json.tests = [];
  for (const r of json.rules)
    for (const c of r.conditions.all ?? []) {
      if (r.name === "sms-reminder-early" && c.fact === "dpd") c.value = [1, 10];
      if (r.name === "call-borrower" && c.fact === "dpd") c.value = 11;
    }
  return json;
}

describe("with the default policy", () => {
  const accounts = [
    base.id("c0").overdue(0).build(),
    base.id("d3").overdue(3).build(),
    { id: "broken" },
    base.id("d8").overdue(8).build(),
    base.id("d15").overdue(15).build(),
  ];

  it("decideMany equals decide one by one, byte for byte, with the error entry in place", () => {
    const items = [...decideMany(policy, accounts, { asOf })];
    expect(items.map((d) => (isDecisionError(d) ? `E:${d.accountId}` : `${d.accountId}:${d.action.type}`))).toEqual([
      "c0:no_action",
      "d3:send_sms_reminder",
      "E:broken",
      "d8:call_borrower",
      "d15:call_borrower",
    ]);
    for (const [i, d] of items.entries())
      if (!isDecisionError(d))
        expect(JSON.stringify(d)).toBe(JSON.stringify(decide(policy, accounts[i] as AccountInput, { asOf })));
    const s = summarizePortfolio(items);
    expect(s.decisions).toBe(4);
    expect(s.errors).toBe(1);
    expect(s.byAction.map((r) => [r.action, r.count])).toEqual([
      ["call_borrower", 2],
      ["no_action", 1],
      ["send_sms_reminder", 1],
    ]);
    expect(s.total.exposure.USD!.overdue).toBe("300.00"); // d3, d8 and d15: one 100.00 due each
  });

  it("comparePolicies: default vs a ten-day SMS window (hand-computed)", () => {
    const r = comparePolicies(policy, loadPolicy(selfCure()), accounts, { asOf });
    expect(r.total).toBe(4);
    expect(r.changed).toBe(1);
    expect(r.changedShare).toBe(0.25);
    expect(r.cells.find((c) => c.from !== c.to)).toEqual({
      from: "call_borrower",
      to: "send_sms_reminder",
      count: 1,
      examples: ["d8"],
    });
    expect(r.policies.b).toEqual({ id: "self-cure-10", version: expect.any(String) });
    expect(r.errors.count).toBe(1);
  });

  it("decideWithExperiment records the variant and is deterministic", () => {
    const experiment = {
      id: "x",
      salt: "s1",
      variants: [
        { name: "champion", weight: 1 },
        { name: "challenger", weight: 1 },
      ],
    };
    const set = loadPolicySet({ experiment, policies: { champion: policy, challenger: loadPolicy(selfCure()) } });
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const a = base.id(`V${i}`).overdue(8).build();
      const d = decideWithExperiment(set, a, { asOf });
      expect(d.variant).toBe(assignVariant(experiment, `V${i}`));
      expect(d.action.type).toBe(d.variant === "champion" ? "call_borrower" : "send_sms_reminder");
      expect(JSON.stringify(decideWithExperiment(set, a, { asOf }))).toBe(JSON.stringify(d));
      seen.add(d.variant!);
    }
    expect(seen.size).toBe(2);
  });
});
