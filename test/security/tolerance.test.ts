// #10 item 11: a tolerance applied per due let 100,000 unpaid 1.00 dues (about 82,000 owed in
// the report) count as 0 days past due. The tolerance now bounds the total ignored.
import { describe, expect, it } from "vitest";
import { deriveDelinquency, parseAccount } from "../../src/index.js";
import { formatIsoDate, parseIsoDate } from "../../src/time/index.js";

describe("tolerance bounds the total of ignored arrears", () => {
  it("many small unpaid dues cannot each hide under the tolerance", () => {
    const start = parseIsoDate("2020-01-01");
    const dues = Array.from({ length: 1_000 }, (_, i) => ({ dueDate: formatIsoDate(start + i), amount: "1.00" }));
    const a = parseAccount({
      id: "SMALL",
      product: "installment",
      currency: "CNY",
      jurisdiction: "CN",
      openedOn: "2019-12-01",
      timeZone: "Asia/Shanghai",
      dues,
    });
    const d = deriveDelinquency(a, { asOf: "2026-01-01", tolerance: "1.00" });
    expect(d.overdue.total).toBe("1000.00");
    // The first 1.00 stays within the tolerance; the second due is where arrears exceed it.
    expect(d.dpd).toBe(parseIsoDate("2026-01-01") - (start + 1));
    expect(d.oldestUnpaidDueDate).toBe("2020-01-02");
  });

  it("arrears totalling at most the tolerance still count as current", () => {
    const a = parseAccount({
      id: "TINY",
      product: "installment",
      currency: "CNY",
      jurisdiction: "CN",
      openedOn: "2026-01-01",
      timeZone: "Asia/Shanghai",
      dues: [
        { dueDate: "2026-09-15", amount: "0.40" },
        { dueDate: "2026-10-15", amount: "0.60" },
      ],
    });
    expect(deriveDelinquency(a, { asOf: "2026-11-23", tolerance: "1.00" }).dpd).toBe(0);
    expect(deriveDelinquency(a, { asOf: "2026-11-23", tolerance: "0.99" }).dpd).toBe(39);
  });
});
