import { describe, expect, it } from "vitest";
import { formatMinorBig } from "../../src/portfolio/exposure.js";
import { type RollRow, rollRatesFromRows } from "../../src/portfolio/roll-rates.js";

const labels = ["M0", "M1", "M2", "M3"];
const row = (
  id: string,
  bucketIndex: number,
  outstanding: number,
  currency = "USD",
  chargeOffDue = false,
): RollRow => ({ id, bucketIndex, outstanding, currency, chargeOffDue });

describe("rollRatesFromRows (hand-computed)", () => {
  const before = [
    row("a", 0, 100_00), // M0 → M0
    row("b", 0, 200_00), // M0 → M1
    row("c", 1, 300_05), // M1 → M0 (cure)
    row("d", 1, 400_10), // M1 → M2
    row("e", 1, 50_00, "CNY"), // M1 → M3 (charge-off bucket)
    row("f", 2, 10_00), // M2 → M2
    row("g", 3, 99_99), // M3 → M3 (already charged off: not eligible)
    row("gone", 2, 1_00), // only before
  ];
  const after = [
    row("a", 0, 90_00),
    row("b", 1, 210_00),
    row("c", 0, 0),
    row("d", 2, 410_00),
    row("e", 3, 55_00, "CNY"),
    row("f", 2, 10_00),
    row("g", 3, 99_99),
    row("new", 0, 5_00),
  ];
  const r = rollRatesFromRows(before, after, labels);

  it("matches by id and lists one-sided accounts", () => {
    expect(r.matched).toBe(7);
    expect(r.onlyBefore).toEqual(["gone"]);
    expect(r.onlyAfter).toEqual(["new"]);
  });

  it("count matrix", () => {
    expect(r.counts).toEqual([
      [1, 1, 0, 0],
      [1, 0, 1, 1],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
  });

  it("balance matrix per currency uses the earlier outstanding, exactly", () => {
    expect(r.balance.USD![1]).toEqual(["300.05", "0.00", "400.10", "0.00"]);
    expect(r.balance.USD![0]).toEqual(["100.00", "200.00", "0.00", "0.00"]);
    expect(r.balance.CNY![1]![3]).toBe("50.00");
    expect(r.outstanding.before).toEqual({ CNY: "50.00", USD: "1110.14" });
    expect(r.outstanding.after).toEqual({ CNY: "55.00", USD: "819.99" });
  });

  it("cure, roll-forward and charge-off flow", () => {
    // delinquent before: c, d, e, f, g = 5; cured: c
    expect(r.cure).toEqual({ delinquent: 5, cured: 1, rate: 0.2 });
    const m1 = r.byBucket[1]!;
    expect(m1).toMatchObject({
      bucket: "M1",
      accounts: 3,
      cured: 1,
      improved: 1,
      stayed: 0,
      rolledForward: 2,
      rolledToNext: 1,
      toChargeOff: 1,
    });
    expect(m1.rollForwardRate).toBeCloseTo(2 / 3, 12);
    expect(m1.rollToNextRate).toBeCloseTo(1 / 3, 12);
    expect(r.byBucket[0]!.rollForwardRate).toBe(0.5);
    // eligible: a b c d e f (g already in last bucket) = 6; flowed: e
    expect(r.chargeOff).toEqual({ eligible: 6, flowed: 1, rate: 1 / 6 });
  });

  it("chargeOffDue counts as charge-off even below the last bucket", () => {
    const x = rollRatesFromRows([row("a", 1, 1)], [row("a", 2, 1, "USD", true)], labels);
    expect(x.chargeOff).toEqual({ eligible: 1, flowed: 1, rate: 1 });
    const empty = rollRatesFromRows([], [], labels);
    expect(empty.cure.rate).toBe(0);
    expect(empty.byBucket.every((b) => b.rollForwardRate === 0)).toBe(true);
  });
});

describe("formatMinorBig", () => {
  it("formats any size exactly", () => {
    expect(formatMinorBig(5n, "USD")).toBe("0.05");
    expect(formatMinorBig(-123n, "USD")).toBe("-1.23");
    expect(formatMinorBig(123456789012345678901n, "USD")).toBe("1234567890123456789.01");
    expect(formatMinorBig(42n, "JPY")).toBe("42");
    expect(formatMinorBig(1n, "KWD")).toBe("0.001");
  });
});

import { ArrearsError, rollRates } from "../../src/index.js";
import { account } from "../../src/testing/index.js";

describe("rollRates on accounts (deriveDelinquency per snapshot)", () => {
  const oct = "2026-10-31T12:00:00Z";
  const nov = "2026-11-30T12:00:00Z";
  const at = (asOf: string, id: string, days: number, balance: string) =>
    account().asOf(asOf).timeZone("UTC").id(id).overdue(days).balance(balance).build();
  it("matches by id, buckets with cn-m by default, us-cycle on request", () => {
    const before = {
      asOf: oct,
      accounts: [
        at(oct, "a", 0, "100.00"),
        at(oct, "b", 10, "200.00"),
        at(oct, "c", 40, "300.00"),
        at(oct, "x", 5, "1.00"),
        { id: "bad" },
      ],
    };
    const after = {
      asOf: nov,
      accounts: [
        at(nov, "a", 0, "90.00"),
        at(nov, "b", 40, "210.00"),
        at(nov, "c", 0, "0.00"),
        at(nov, "n", 0, "5.00"),
      ],
    };
    const r = rollRates(before, after);
    expect(r.scheme).toBe("cn-m");
    expect(r.buckets[0]).toBe("M0");
    expect(r.matched).toBe(3);
    expect(r.counts[0]![0]).toBe(1); // a M0 → M0
    expect(r.counts[1]![2]).toBe(1); // b M1 → M2
    expect(r.counts[2]![0]).toBe(1); // c M2 → M0
    expect(r.balance.USD![1]![2]).toBe("200.00");
    expect(r.cure).toEqual({ delinquent: 2, cured: 1, rate: 0.5 });
    expect(r.onlyBefore).toEqual(["x"]);
    expect(r.onlyAfter).toEqual(["n"]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ snapshot: "before", index: 4, accountId: "bad" });
    const us = rollRates(before, after, { scheme: "us-cycle" });
    expect(us.buckets.slice(0, 3)).toEqual(["current", "1-29", "30-59"]);
    expect(us.counts[1]![2]).toBe(1);
  });
  it("rejects malformed snapshots and options", () => {
    expect(() => rollRates({ asOf: "soon", accounts: [] }, { asOf: nov, accounts: [] })).toThrow(ArrearsError);
    expect(() => rollRates({ asOf: oct, accounts: [] }, { asOf: nov, accounts: [] }, { graceDays: -1 })).toThrow(
      ArrearsError,
    );
    try {
      rollRates({ asOf: oct, accounts: [] }, { asOf: nov } as never);
    } catch (e) {
      expect((e as ArrearsError).issues[0]!.path).toEqual(["after", "accounts"]);
    }
  });
});
