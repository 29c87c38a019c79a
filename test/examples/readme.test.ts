import { describe, expect, it } from "vitest";
import { decide, loadPolicy, routePolicies } from "../../src/index.js";

// The README's "A first call" example, as written there.
describe("README: a first call", () => {
  it("routes a GB account to gb-default and returns the call with the statutory notice alongside", () => {
    const policies = routePolicies([loadPolicy("cn-default"), loadPolicy("us-default"), loadPolicy("gb-default")]);
    const decision = decide(
      policies,
      {
        id: "GB-0042",
        product: "installment",
        currency: "GBP",
        jurisdiction: "GB-ENG",
        openedOn: "2025-06-01",
        timeZone: "Europe/London",
        locale: "en-GB",
        balance: { principal: "3600.00", interest: "0.00", penaltyInterest: "0.00", fees: "24.00" },
        dues: [
          { dueDate: "2026-08-20", amount: "250.00" },
          { dueDate: "2026-09-20", amount: "250.00" },
          { dueDate: "2026-10-20", amount: "250.00" },
          { dueDate: "2026-11-20", amount: "250.00" },
        ],
        payments: [{ date: "2026-08-20", amount: "250.00" }],
        borrower: { name: "Sam Jones" },
        contacts: [{ at: "2026-11-20T18:10:00+00:00", channel: "call", outcome: "no_answer" }],
      },
      { asOf: "2026-11-23T10:00:00Z" },
    );
    expect(decision.policy).toEqual({ id: "gb-default", version: "1.2.0" });
    expect(decision.guardrails).toEqual([{ id: "uk-conc", version: "2.0.0" }]);
    expect([decision.action.type, decision.action.rule, decision.action.params.stage]).toEqual([
      "call_borrower",
      "call-first",
      "first",
    ]);
    expect(decision.action.earliestAt).toBe("2026-11-23T10:00:00.000Z");
    expect(decision.action.alongside?.map((a) => a.type)).toEqual(["send_arrears_notice", "send_formal_letter"]);
    expect(decision.action.requirements?.map((r) => r.code)).toEqual([
      "NO_PRESSURE",
      "DEBT_ADVICE",
      "FORBEARANCE",
      "IDENTIFY_CUSTOMER",
      "STATUTE_BARRED",
    ]);
  });
});
