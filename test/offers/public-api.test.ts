import { describe, expect, it } from "vitest";
import * as arrears from "../../src/index.js";

// The other offer tests import from src/offers directly; this one checks the package entry.
describe("offers in the public API", () => {
  it("exports every offer function from the package entry", () => {
    for (const name of [
      "planInstallments",
      "planDeferral",
      "settlementOffer",
      "waiveFees",
      "assessAffordability",
      "buildOffer",
    ] as const) {
      expect(typeof arrears[name]).toBe("function");
    }
    const p = arrears.planInstallments({ amount: "1000.00", count: 3, firstDueDate: "2026-01-31", currency: "USD" });
    expect(p.installments.map((i) => i.amount)).toEqual(["333.33", "333.33", "333.34"]);
  });
});
