import { describe, expect, it } from "vitest";
import { ArrearsError } from "../../src/errors/index.js";
import { assessAffordability, planInstallments } from "../../src/offers/index.js";

const amounts = (p: { installments: { amount: string }[] }) => p.installments.map((i) => i.amount);
const dates = (p: { installments: { dueDate: string }[] }) => p.installments.map((i) => i.dueDate);

function offerError(f: () => unknown): ArrearsError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ArrearsError);
    expect((e as ArrearsError).code).toBe("INVALID_OFFER");
    return e as ArrearsError;
  }
  throw new Error("expected an ArrearsError");
}

describe("planInstallments without interest", () => {
  it("splits 1000.00 in 3 with the remainder on the last", () => {
    const p = planInstallments({ amount: "1000.00", count: 3, firstDueDate: "2026-01-31", currency: "USD" });
    expect(amounts(p)).toEqual(["333.33", "333.33", "333.34"]);
    expect(p.installments.map((i) => i.principal)).toEqual(["333.33", "333.33", "333.34"]);
    expect(p.installments.every((i) => i.interest === "0.00")).toBe(true);
    expect(p).toMatchObject({
      kind: "installments",
      currency: "USD",
      count: 3,
      frequency: "monthly",
      rate: "0",
      amount: "1000.00",
      financed: "1000.00",
      totalInterest: "0.00",
      totalRepayable: "1000.00",
      installmentAmount: "333.33",
      firstDueDate: "2026-01-31",
      lastDueDate: "2026-03-31",
      waived: { penaltyInterest: "0.00", fees: "0.00", total: "0.00" },
      affordable: null,
      incomeShare: null,
    });
  });

  it("clamps month-end dates from the first date, not cumulatively (non-leap year)", () => {
    const p = planInstallments({ amount: "400.00", count: 4, firstDueDate: "2026-01-31", currency: "USD" });
    expect(dates(p)).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]);
  });

  it("uses Feb 29 in a leap year and keeps the 30th after it", () => {
    const p = planInstallments({ amount: "100.00", count: 5, firstDueDate: "2023-11-30", currency: "USD" });
    expect(dates(p)).toEqual(["2023-11-30", "2023-12-30", "2024-01-30", "2024-02-29", "2024-03-30"]);
    const q = planInstallments({ amount: "100.00", count: 3, firstDueDate: "2024-01-31", currency: "USD" });
    expect(dates(q)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31"]);
  });

  it("handles a zero-decimal currency (JPY)", () => {
    const p = planInstallments({ amount: "100000", count: 3, firstDueDate: "2026-12-10", currency: "JPY" });
    expect(amounts(p)).toEqual(["33333", "33333", "33334"]);
    expect(p.financed).toBe("100000");
    expect(dates(p)).toEqual(["2026-12-10", "2027-01-10", "2027-02-10"]);
  });

  it("handles a three-decimal currency (KWD) and numbers as input", () => {
    const p = planInstallments({ amount: 10, count: 3, firstDueDate: "2026-12-10", currency: "KWD" });
    expect(amounts(p)).toEqual(["3.333", "3.333", "3.334"]);
  });

  it("weekly and biweekly add 7 and 14 days across a year end", () => {
    const w = planInstallments({
      amount: "90.00",
      count: 3,
      firstDueDate: "2026-12-28",
      frequency: "weekly",
      currency: "USD",
    });
    expect(dates(w)).toEqual(["2026-12-28", "2027-01-04", "2027-01-11"]);
    const b = planInstallments({
      amount: "90.00",
      count: 3,
      firstDueDate: "2026-12-28",
      frequency: "biweekly",
      currency: "USD",
    });
    expect(dates(b)).toEqual(["2026-12-28", "2027-01-11", "2027-01-25"]);
    expect(amounts(b)).toEqual(["30.00", "30.00", "30.00"]);
  });

  it("an amount smaller than the count in minor units gives zero installments and the rest on the last", () => {
    const p = planInstallments({ amount: "0.02", count: 3, firstDueDate: "2026-12-10", currency: "USD" });
    expect(amounts(p)).toEqual(["0.00", "0.00", "0.02"]);
  });

  it("deducts waived penalty interest and fees from the amount", () => {
    const p = planInstallments({
      amount: "1200.00",
      count: 2,
      firstDueDate: "2026-12-01",
      currency: "USD",
      waive: { penaltyInterest: "50.00", fees: "50.00" },
    });
    expect(p.waived).toEqual({ penaltyInterest: "50.00", fees: "50.00", total: "100.00" });
    expect(p.amount).toBe("1200.00");
    expect(p.financed).toBe("1100.00");
    expect(amounts(p)).toEqual(["550.00", "550.00"]);
  });

  it("accepts trailing zeros beyond the minor unit", () => {
    expect(planInstallments({ amount: "12.500", count: 1, firstDueDate: "2026-12-01", currency: "USD" }).financed).toBe(
      "12.50",
    );
  });
});

describe("planInstallments with interest (level-payment annuity)", () => {
  it("1000.00 at 12% a year over 12 months", () => {
    const p = planInstallments({
      amount: "1000.00",
      count: 12,
      firstDueDate: "2026-01-15",
      currency: "USD",
      rate: "0.12",
    });
    // payment = 1000 × 0.01 / (1 − 1.01^−12) = 88.8488 → 88.85
    expect(p.installmentAmount).toBe("88.85");
    expect(p.installments[0]).toEqual({
      number: 1,
      dueDate: "2026-01-15",
      amount: "88.85",
      principal: "78.85",
      interest: "10.00",
    });
    // balance 921.15 × 1 % = 9.2115 → 9.21
    expect(p.installments[1]).toEqual({
      number: 2,
      dueDate: "2026-02-15",
      amount: "88.85",
      principal: "79.64",
      interest: "9.21",
    });
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(p.installments.reduce((s, i) => s + cents(i.principal), 0)).toBe(100000);
    expect(p.installments.reduce((s, i) => s + cents(i.interest), 0)).toBe(cents(p.totalInterest));
    expect(cents(p.totalRepayable)).toBe(100000 + cents(p.totalInterest));
    for (const i of p.installments) expect(cents(i.amount)).toBe(cents(i.principal) + cents(i.interest));
    // All but the last are the level payment; the last absorbs the rounding (within a few cents).
    expect(p.installments.slice(0, 11).every((i) => i.amount === "88.85")).toBe(true);
    expect(Math.abs(cents(p.installments[11]!.amount) - 8885)).toBeLessThanOrEqual(12);
    // Textbook total interest for this loan is 66.19 (12 × 88.8488 − 1000).
    expect(Math.abs(cents(p.totalInterest) - 6619)).toBeLessThanOrEqual(12);
    expect(p.rate).toBe("0.12");
  });

  it("a single installment pays principal plus one period's interest", () => {
    const p = planInstallments({
      amount: "1000.00",
      count: 1,
      firstDueDate: "2026-01-15",
      currency: "USD",
      rate: "0.12",
    });
    expect(p.installments).toEqual([
      { number: 1, dueDate: "2026-01-15", amount: "1010.00", principal: "1000.00", interest: "10.00" },
    ]);
  });

  it("weekly interest uses rate ÷ 52", () => {
    const p = planInstallments({
      amount: "5200",
      count: 2,
      firstDueDate: "2026-01-05",
      frequency: "weekly",
      currency: "JPY",
      rate: "0.52",
    });
    // r = 1 % a week: payment = 5200 × 0.01 / (1 − 1.01^−2) = 2639.07 → 2639; interest 52, then 26.
    expect(p.installments.map((i) => [i.amount, i.principal, i.interest])).toEqual([
      ["2639", "2587", "52"],
      ["2639", "2613", "26"],
    ]);
  });

  it("rate 0 is the same as no rate", () => {
    const a = planInstallments({ amount: "1000.00", count: 3, firstDueDate: "2026-01-31", currency: "USD", rate: "0" });
    const b = planInstallments({ amount: "1000.00", count: 3, firstDueDate: "2026-01-31", currency: "USD" });
    expect(a).toEqual(b);
  });
});

describe("affordability", () => {
  it("flags the largest installment against monthlyIncome × maxIncomeShare", () => {
    const ok = planInstallments({
      amount: "1000.00",
      count: 3,
      firstDueDate: "2026-12-01",
      currency: "USD",
      monthlyIncome: "1000.00",
      maxIncomeShare: 0.35,
    });
    expect(ok.affordable).toBe(true);
    expect(ok.incomeShare).toBe("0.3333"); // the last installment, 333.34 ÷ 1000 = 0.33334
    const no = planInstallments({
      amount: "1000.00",
      count: 2,
      firstDueDate: "2026-12-01",
      currency: "USD",
      monthlyIncome: "1000.00",
      maxIncomeShare: "0.35",
    });
    expect(no.affordable).toBe(false);
    expect(no.incomeShare).toBe("0.5000");
  });

  it("exactly at the limit is affordable", () => {
    expect(
      assessAffordability({ installment: "350.00", monthlyIncome: "1000.00", maxIncomeShare: 0.35, currency: "USD" }),
    ).toEqual({
      monthlyEquivalent: "350.00",
      incomeShare: "0.3500",
      affordable: true,
    });
    expect(
      assessAffordability({ installment: "350.01", monthlyIncome: "1000.00", maxIncomeShare: 0.35, currency: "USD" })
        .affordable,
    ).toBe(false);
  });

  it("converts weekly and biweekly installments to a monthly equivalent", () => {
    expect(
      assessAffordability({
        installment: "100.00",
        frequency: "weekly",
        monthlyIncome: "1000.00",
        maxIncomeShare: "0.4",
        currency: "USD",
      }),
    ).toEqual({
      monthlyEquivalent: "433.33",
      incomeShare: "0.4333",
      affordable: false,
    });
    expect(
      assessAffordability({ installment: "120.00", frequency: "biweekly", monthlyIncome: "1000.00", currency: "USD" }),
    ).toEqual({
      monthlyEquivalent: "260.00",
      incomeShare: "0.2600",
      affordable: null,
    });
  });

  it("counts monthly obligations with the installment when given (debt-to-income)", () => {
    expect(
      assessAffordability({
        installment: "250.00",
        monthlyIncome: "2000.00",
        monthlyObligations: "450.00",
        maxIncomeShare: "0.35",
        currency: "USD",
      }),
    ).toEqual({
      monthlyEquivalent: "250.00",
      incomeShare: "0.3500",
      affordable: true,
    });
    const p = planInstallments({
      amount: "600.00",
      count: 2,
      firstDueDate: "2026-12-01",
      currency: "USD",
      monthlyIncome: "2000.00",
      monthlyObligations: "450.01",
      maxIncomeShare: "0.35",
    });
    expect(p.affordable).toBe(false);
    expect(p.incomeShare).toBe("0.3750");
  });

  it("unknown or zero income", () => {
    expect(assessAffordability({ installment: "10.00", currency: "USD", maxIncomeShare: 0.3 })).toEqual({
      monthlyEquivalent: "10.00",
      incomeShare: null,
      affordable: null,
    });
    expect(
      assessAffordability({ installment: "10.00", currency: "USD", monthlyIncome: 0, maxIncomeShare: 0.3 }),
    ).toEqual({ monthlyEquivalent: "10.00", incomeShare: null, affordable: false });
  });
});

describe("planInstallments rejects bad input with paths", () => {
  it("reports every bad field", () => {
    const e = offerError(() =>
      planInstallments({ amount: "abc", count: 0, firstDueDate: "2026-02-30", currency: "XXX" } as never),
    );
    expect(e.issues.map((i) => i.path.join("."))).toEqual(["amount", "count", "firstDueDate", "currency"]);
    expect(e.issues[0]!.received).toBe("abc");
  });

  it("rejects more decimals than the currency has", () => {
    const e = offerError(() =>
      planInstallments({ amount: "10.005", count: 2, firstDueDate: "2026-12-01", currency: "USD" }),
    );
    expect(e.issues[0]).toEqual({
      path: ["amount"],
      message: "more decimal places than USD allows",
      received: "10.005",
    });
    offerError(() => planInstallments({ amount: "10.5", count: 2, firstDueDate: "2026-12-01", currency: "JPY" }));
  });

  it("rejects waivers above the amount, negative amounts, bad frequency, unknown fields", () => {
    expect(
      offerError(() =>
        planInstallments({
          amount: "10.00",
          count: 1,
          firstDueDate: "2026-12-01",
          currency: "USD",
          waive: { fees: "11.00" },
        }),
      ).issues[0]!.path,
    ).toEqual(["waive"]);
    expect(
      offerError(() => planInstallments({ amount: "-1", count: 1, firstDueDate: "2026-12-01", currency: "USD" }))
        .issues[0]!.path,
    ).toEqual(["amount"]);
    expect(
      offerError(() =>
        planInstallments({
          amount: "1",
          count: 1,
          firstDueDate: "2026-12-01",
          currency: "USD",
          frequency: "daily",
        } as never),
      ).issues[0]!.path,
    ).toEqual(["frequency"]);
    expect(
      offerError(() =>
        planInstallments({ amount: "1", count: 1, firstDueDate: "2026-12-01", currency: "USD", cnt: 3 } as never),
      ).issues[0],
    ).toMatchObject({ path: ["cnt"], message: "unknown field" });
    expect(
      offerError(() => planInstallments({ amount: "1", count: 2.5, firstDueDate: "2026-12-01", currency: "USD" }))
        .issues[0]!.path,
    ).toEqual(["count"]);
    expect(
      offerError(() =>
        planInstallments({ amount: "1", count: 1, firstDueDate: "2026-12-01", currency: "USD", rate: "-0.1" }),
      ).issues[0]!.path,
    ).toEqual(["rate"]);
    expect(
      offerError(() =>
        planInstallments({ amount: "1", count: 1, firstDueDate: "2026-12-01", currency: "USD", maxIncomeShare: 1.5 }),
      ).issues[0]!.path,
    ).toEqual(["maxIncomeShare"]);
  });

  it("rejects huge amounts and schedules past year 9999 without leaking RangeError", () => {
    expect(
      offerError(() =>
        planInstallments({ amount: "1" + "0".repeat(30), count: 3, firstDueDate: "2026-12-01", currency: "USD" }),
      ).issues[0]!.path,
    ).toEqual(["amount"]);
    expect(
      offerError(() => planInstallments({ amount: "1", count: 24, firstDueDate: "9998-06-01", currency: "USD" }))
        .issues[0]!.path,
    ).toEqual(["firstDueDate"]);
  });

  it("rejects a non-object", () => {
    offerError(() => planInstallments(undefined as never));
    offerError(() => planInstallments("1000" as never));
  });
});
