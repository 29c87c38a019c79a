import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArrearsError, deriveDelinquency, parseAccount } from "../../src/index.js";
import { account } from "../../src/testing/index.js";

describe("account builder", () => {
  it("defaults parse and are current", () => {
    const b = account();
    const a = parseAccount(b.build());
    expect(a.id).toBe("T1");
    expect(deriveDelinquency(a, { asOf: b.asOfInstant }).dpd).toBe(0);
    expect(a.dues!.length).toBe(8); // 7 paid (6 history + last) and 1 ahead
  });

  it("overdue(days) gives exactly that DPD at asOf, in any zone (property)", () => {
    const zones = ["America/New_York", "Asia/Shanghai", "Europe/London", "Pacific/Auckland", "America/Los_Angeles"];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 60 * 24 * 400 }),
        fc.integer({ min: 0, max: 12 }),
        (days, zone, minutes, history) => {
          const asOf = new Date(Date.UTC(2025, 0, 1) + minutes * 60_000).toISOString();
          const b = account().asOf(asOf).timeZone(zone).overdue(days, { history });
          const a = parseAccount(b.build());
          const d = deriveDelinquency(a, { asOf });
          expect(d.dpd).toBe(days);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("overdue amount is the unpaid dues; balance defaults to them", () => {
    const b = account()
      .currency("CNY")
      .timeZone("Asia/Shanghai")
      .asOf("2026-11-23T10:00:00+08:00")
      .overdue(45, { amount: "1050.00" });
    const input = b.build();
    const d = deriveDelinquency(parseAccount(input), { asOf: b.asOfInstant });
    expect(d.dpd).toBe(45);
    // dues on 10-09 and 11-09 are unpaid by 11-23; 12-09 is ahead
    expect(d.overdue.total).toBe("2100.00");
    expect(input.balance).toEqual({ principal: "3150.00" });
    expect(d.oldestUnpaidDueDate).toBe("2026-10-09");
  });

  it("is immutable: variations do not leak into the base", () => {
    const base = account().id("B").overdue(10);
    const v = base.optOut("sms").flag("disputed").calls(2);
    expect(base.build().borrower).toEqual({ flags: {}, doNotContact: [], hardship: [] });
    expect(v.build().borrower).toMatchObject({ flags: { disputed: true }, doNotContact: ["sms"] });
    expect(base.build().contacts).toEqual([]);
    expect(base.build()).not.toBe(base.build());
  });

  it("contacts, calls, promises, payments and hardship resolve against asOf", () => {
    const b = account()
      .asOf("2026-11-23T10:00:00+08:00")
      .timeZone("Asia/Shanghai")
      .overdue(20)
      .calls(3, { outcome: "busy", daysAgo: 1 })
      .promise({ amount: "300.00", dueInDays: 5 })
      .payment({ amount: "10.00", daysAgo: 2 })
      .hardship("medical", 3)
      .income("5000.00")
      .name("Li Lei")
      .contact({ channel: "sms", outcome: "delivered", at: "2026-11-20T09:00:00+08:00" });
    const input = b.build();
    const a = parseAccount(input);
    expect(a.contacts.map((c) => c.at)).toEqual([
      "2026-11-22T01:45:00.000Z",
      "2026-11-22T01:50:00.000Z",
      "2026-11-22T01:55:00.000Z",
      "2026-11-23T01:30:00.000Z",
      "2026-11-20T09:00:00+08:00",
    ]);
    expect(a.contacts[3]!.promise).toEqual({ amount: "300.00", dueDate: "2026-11-28" });
    expect(a.payments.at(-1)).toEqual({ date: "2026-11-21", amount: "10.00" });
    expect(a.borrower.hardship).toEqual([{ kind: "medical", reportedOn: "2026-11-20" }]);
    expect(a.borrower.monthlyIncome).toBe("5000.00");
  });

  it("snapshot mode builds a delinquency snapshot without dues", () => {
    const b = account().snapshot({ dpd: 95, cycleHistory: [4, 3, 2, 1, 0] });
    const a = parseAccount(b.build());
    expect(a.dues).toBeUndefined();
    expect(a.delinquency).toMatchObject({ dpd: 95, overdue: "400.00", cycleHistory: [4, 3, 2, 1, 0] });
    expect(deriveDelinquency(a, { asOf: b.asOfInstant }).dpd).toBe(95);
  });

  it("patch crafts invalid input; bad builder arguments throw ArrearsError", () => {
    expect(() => parseAccount(account().patch({ currency: "XXX1" }).build())).toThrow(ArrearsError);
    expect(() => account().overdue(-1)).toThrow(ArrearsError);
    expect(() => account().asOf("yesterday")).toThrow(ArrearsError);
  });
});
