import { describe, expect, it } from "vitest";
import { ArrearsError, decide, loadPolicy, shippedRuleFile } from "../../src/index.js";
import { account } from "../../src/testing/index.js";

type Json = Record<string, any>;
const asOf = "2026-11-23T15:00:00Z";

// A policy whose only rule offers a 3-month installment plan capped at 10% of income.
function policyJson(offerReview?: string): Json {
  const json = structuredClone(shippedRuleFile("policies", "us-default")) as Json;
  json.id = "offer-review-test";
  json.tests = [];
  json.conditions = {};
  delete json.options.offerReview;
  if (offerReview !== undefined) json.options.offerReview = offerReview;
  json.rules = [
    {
      name: "plan",
      priority: 10,
      conditions: { all: [{ fact: "dpd", operator: "greaterThanInclusive", value: 1 }] },
      event: {
        type: "offer_installment_plan",
        params: { offer: { kind: "installments", counts: [3], maxIncomeShare: 0.1 } },
      },
    },
  ];
  return json;
}

describe("options.offerReview: an unaffordable offer is reviewed, never sent", () => {
  const poor = account().asOf(asOf).overdue(40).income("500.00").hardship("income_drop").build();

  it("replaces the offer action with the review action, carrying the offer and why", () => {
    const d = decide(loadPolicy(policyJson("hardship_review")), poor, { asOf });
    expect(d.action.type).toBe("hardship_review");
    expect(d.action.contact).toBe(false);
    expect(d.action.channel).toBeNull();
    expect(d.action.rule).toBe("plan");
    expect(d.action.params).toEqual({ reason: "offer_unaffordable", offeredAction: "offer_installment_plan" });
    expect(d.action.offer).toMatchObject({
      kind: "installments",
      status: "unaffordable",
      reviewRequired: true,
      schedule: [],
    });
    expect(d.action.message).toBeUndefined();
  });

  it("without the option the offer action stays, and its offer says it is unaffordable", () => {
    const d = decide(loadPolicy(policyJson()), poor, { asOf });
    expect(d.action.type).toBe("offer_installment_plan");
    expect(d.action.offer).toMatchObject({ status: "unaffordable", reviewRequired: true });
  });

  it("an affordable offer is sent as it is", () => {
    const rich = account().asOf(asOf).overdue(40).income("90000.00").hardship("income_drop").build();
    const d = decide(loadPolicy(policyJson("hardship_review")), rich, { asOf });
    expect(d.action.type).toBe("offer_installment_plan");
    expect(d.action.offer).toMatchObject({ status: "offered", reviewRequired: false });
  });

  it("the review action must exist and must not contact anyone", () => {
    for (const [review, msg] of [
      ["hardship_reveiw", /not in the action catalogue; did you mean "hardship_review"/],
      ["call_borrower", /must not contact the borrower/],
    ] as const) {
      try {
        loadPolicy(policyJson(review));
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ArrearsError);
        expect((e as ArrearsError).issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")).toMatch(msg);
      }
    }
  });
});
