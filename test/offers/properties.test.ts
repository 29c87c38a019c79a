import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArrearsError } from "../../src/errors/index.js";
import { parseAccount } from "../../src/model/index.js";
import { Dec, fromMinorUnits, minorDigits } from "../../src/money/index.js";
import { affordabilityContext, affordabilityDec, affordabilityMinor } from "../../src/offers/affordability.js";
import {
  buildOffer,
  type InstallmentOffer,
  type PlanNotMade,
  planDeferral,
  planInstallments,
  settlementOffer,
  waiveFees,
} from "../../src/offers/index.js";
import { formatIsoDate, parseIsoDate } from "../../src/time/index.js";
import { account } from "./fixtures.js";

/** Minor units of a fixed-point decimal string, as a bigint (no float anywhere). */
const units = (s: string): bigint => {
  expect(s).toMatch(/^\d+(\.\d+)?$/);
  return BigInt(s.replace(".", ""));
};

const currencyArb = fc.constantFrom("USD", "JPY", "KWD", "CNY");
const dayArb = fc.integer({ min: parseIsoDate("1990-01-01"), max: parseIsoDate("2080-12-31") });
const frequencyArb = fc.constantFrom("monthly" as const, "biweekly" as const, "weekly" as const);
const rateArb = fc.integer({ min: 0, max: 5000 }).map((bp) => new Dec(bp).div(10000).toString()); // 0 – 50 %

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

describe("installment plan invariants", () => {
  it("without interest: installments sum exactly to the amount, none negative, dates strictly increase", () => {
    fc.assert(
      fc.property(
        currencyArb,
        fc.bigInt({ min: 0n, max: 9n * 10n ** 11n }),
        fc.integer({ min: 1, max: 120 }),
        dayArb,
        frequencyArb,
        (currency, minor, count, day, frequency) => {
          const amount = fromMinorUnits(Number(minor), currency);
          const firstDueDate = formatIsoDate(day);
          const p = planInstallments({ amount, count, firstDueDate, frequency, currency });
          expect(p.installments).toHaveLength(count);
          let sum = 0n;
          let prev = -Infinity;
          const [fy, fm, fd] = firstDueDate.split("-").map(Number) as [number, number, number];
          p.installments.forEach((i, k) => {
            const a = units(i.amount);
            expect(a >= 0n).toBe(true);
            expect(i.principal).toBe(i.amount);
            sum += a;
            const d = parseIsoDate(i.dueDate);
            expect(d).toBeGreaterThan(prev);
            prev = d;
            expect(i.number).toBe(k + 1);
            if (frequency === "monthly") {
              // same day of month as the first, clamped to the month's end
              const [y, m, dd] = i.dueDate.split("-").map(Number) as [number, number, number];
              expect((y - fy) * 12 + (m - fm)).toBe(k);
              expect(dd).toBe(Math.min(fd, daysInMonth(y, m)));
            } else expect(d - day).toBe(k * (frequency === "weekly" ? 7 : 14));
          });
          expect(sum).toBe(minor);
          expect(p.installments[0]!.dueDate).toBe(firstDueDate);
          // equal installments: all but the last equal, the last larger by less than `count` minor units
          const first = units(p.installments[0]!.amount);
          const last = units(p.installments[count - 1]!.amount);
          expect(p.installments.slice(0, -1).every((i) => units(i.amount) === first)).toBe(true);
          expect(last - first >= 0n && last - first < BigInt(count)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("with interest: principals sum to the financed amount, amount = principal + interest, nothing negative", () => {
    fc.assert(
      fc.property(
        currencyArb,
        fc.integer({ min: 0, max: 10 ** 10 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: 1, max: 120 }),
        dayArb,
        frequencyArb,
        rateArb,
        (currency, minor, fee, count, day, frequency, rate) => {
          const amount = fromMinorUnits(minor + fee, currency);
          const p = planInstallments({
            amount,
            count,
            firstDueDate: formatIsoDate(day),
            frequency,
            currency,
            rate,
            waive: { fees: fromMinorUnits(fee, currency) },
          });
          expect(units(p.financed)).toBe(BigInt(minor));
          let principal = 0n;
          let interest = 0n;
          let prev = -Infinity;
          for (const i of p.installments) {
            const [a, pr, it] = [units(i.amount), units(i.principal), units(i.interest)];
            expect(pr >= 0n && it >= 0n).toBe(true);
            expect(a).toBe(pr + it);
            principal += pr;
            interest += it;
            expect(parseIsoDate(i.dueDate)).toBeGreaterThan(prev);
            prev = parseIsoDate(i.dueDate);
          }
          expect(principal).toBe(BigInt(minor));
          expect(interest).toBe(units(p.totalInterest));
          expect(units(p.totalRepayable)).toBe(BigInt(minor) + interest);
          if (new Dec(rate).isZero()) expect(interest).toBe(0n);
          // Total interest stays within the rounding slack of the exact (unrounded) annuity.
          if (!new Dec(rate).isZero() && minor > 0) {
            const r = new Dec(rate).div(frequency === "monthly" ? 12 : frequency === "biweekly" ? 26 : 52);
            const exact = new Dec(minor)
              .times(r)
              .div(new Dec(1).minus(r.plus(1).pow(-count)))
              .times(count)
              .minus(minor);
            // each period's rounding (≤ 1 minor unit from payment and interest) compounds at (1+r)
            const slack = r
              .plus(1)
              .pow(count)
              .minus(1)
              .div(r)
              .plus(count + 1);
            expect(new Dec(interest.toString()).minus(exact).abs().lte(slack)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("affordability in integers agrees with exact decimals", () => {
    fc.assert(
      fc.property(
        currencyArb,
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.option(fc.integer({ min: 0, max: 10 ** 9 }), { nil: null }),
        fc.option(
          fc.integer({ min: 0, max: 10000 }).map((bp) => new Dec(bp).div(10000)),
          { nil: null },
        ),
        frequencyArb,
        fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 ** 9 })),
        (currency, installment, income, share, frequency, obligations) => {
          const ctx = affordabilityContext(income, share, obligations);
          expect(affordabilityMinor(installment, frequency, ctx, currency)).toEqual(
            affordabilityDec(installment, frequency, ctx, currency),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("buildOffer plan choice", () => {
  it("follows the documented rule and agrees with its own options list", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 8 }),
        fc.option(fc.integer({ min: 0, max: 10 ** 7 }), { nil: undefined }),
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
        fc.option(
          fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
          { nil: undefined },
        ),
        fc.constantFrom(undefined, "0", "0.18"),
        frequencyArb,
        (principal, income, counts, maxIncomeShare, rate, frequency) => {
          const acc = account({
            balance: { principal: fromMinorUnits(principal, "USD"), fees: "12.34" },
            borrower: income === undefined ? {} : { monthlyIncome: fromMinorUnits(income, "USD") },
          });
          const spec = {
            kind: "installments" as const,
            counts,
            frequency,
            waive: ["fees" as const],
            ...(maxIncomeShare === undefined ? {} : { maxIncomeShare }),
            ...(rate === undefined ? {} : { rate }),
          };
          const r = buildOffer(spec, acc, { asOf: "2026-11-23" }) as InstallmentOffer | PlanNotMade;
          const sorted = [...counts].sort((a, b) => a - b);
          if (r.options) expect(r.options.map((x) => x.count)).toEqual(sorted);
          expect(units(r.financed)).toBe(BigInt(principal));
          if (r.status !== "offered") {
            // Nothing fits: never a plan presented as affordable.
            if (principal === 0) expect(r.status).toBe("not_applicable");
            else {
              expect(r.status).toBe("unaffordable");
              expect(r.reviewRequired).toBe(true);
              expect(r.options!.every((x) => x.affordable === false)).toBe(true);
            }
            expect(r.schedule).toEqual([]);
            return;
          }
          const o = r as InstallmentOffer;
          const k = sorted.indexOf(o.count);
          expect(k).toBeGreaterThanOrEqual(0);
          const chosen = o.options[k]!;
          expect(chosen.installmentAmount).toBe(o.installmentAmount);
          expect(chosen.affordable).toBe(o.affordable);
          expect(chosen.incomeShare).toBe(o.incomeShare);
          if (income === undefined || maxIncomeShare === undefined) {
            expect(o.selection).toBe("middle_income_unknown");
            expect(o.affordable).toBeNull();
            expect(k).toBe(Math.floor((sorted.length - 1) / 2));
          } else {
            expect(o.selection).toBe("fewest_affordable");
            expect(o.affordable).toBe(true);
            expect(o.options.slice(0, k).every((x) => x.affordable === false)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("settlement invariants", () => {
  const balanceArb = fc.record({
    principal: fc.integer({ min: 0, max: 10 ** 9 }),
    interest: fc.integer({ min: 0, max: 10 ** 7 }),
    penaltyInterest: fc.integer({ min: 0, max: 10 ** 7 }),
    fees: fc.integer({ min: 0, max: 10 ** 6 }),
  });
  const shareArb = fc.integer({ min: 0, max: 10000 }).map((bp) => new Dec(bp).div(10000).toString());

  it("never below the floor, never above outstanding, discount within maxDiscount, waivable parts first", () => {
    fc.assert(
      fc.property(
        currencyArb,
        balanceArb,
        shareArb,
        fc.oneof(shareArb, fc.integer({ min: 0, max: 2 * 10 ** 9 })),
        (currency, bal, maxDiscount, floorIn) => {
          const str = (n: number) => fromMinorUnits(n, currency);
          const acc = parseAccount(
            account({
              currency,
              balance: {
                principal: str(bal.principal),
                interest: str(bal.interest),
                penaltyInterest: str(bal.penaltyInterest),
                fees: str(bal.fees),
              },
              dues: [{ dueDate: "2026-10-01", amount: "1" }],
            }),
          );
          const floor = typeof floorIn === "number" ? { amount: str(floorIn) } : floorIn;
          const s = settlementOffer({ account: acc, maxDiscount, floor, asOf: "2026-11-23" });
          const o = BigInt(bal.principal + bal.interest + bal.penaltyInterest + bal.fees);
          const payoff = units(s.payoff);
          const discount = units(s.discount);
          expect(units(s.outstanding)).toBe(o);
          expect(payoff + discount).toBe(o);
          expect(payoff <= o && discount >= 0n).toBe(true);
          // floor in money, exact: share × principal (or the amount), capped at outstanding
          const floorExact = typeof floorIn === "number" ? new Dec(floorIn) : new Dec(bal.principal).times(floorIn);
          expect(new Dec(payoff.toString()).gte(Dec.min(floorExact, new Dec(o.toString())))).toBe(true);
          expect(new Dec(discount.toString()).lte(new Dec(o.toString()).times(maxDiscount))).toBe(true);
          expect(new Dec(s.discountRate).lte(maxDiscount)).toBe(true);
          // breakdown adds up, and principal is discounted only once everything else is
          const b = s.breakdown;
          const parts = [b.penaltyInterest, b.fees, b.interest, b.principal];
          expect(parts.reduce((t, l) => t + units(l.discount), 0n)).toBe(discount);
          expect(parts.reduce((t, l) => t + units(l.payable), 0n)).toBe(payoff);
          for (let k = 1; k < parts.length; k++)
            if (units(parts[k]!.discount) > 0n) for (let j = 0; j < k; j++) expect(units(parts[j]!.payable)).toBe(0n);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("deferral invariants", () => {
  it("moves exactly the unpaid dues, to dates after asOf, strictly increasing", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 36 }),
        fc.array(fc.integer({ min: 1, max: 50000 }), { minLength: 36, maxLength: 36 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 720 }),
        fc.integer({ min: 1, max: 24 }),
        (offsets, amounts, paid, asOfOffset, months) => {
          const opened = parseIsoDate("2025-01-01");
          const dues = offsets.map((o, i) => ({
            dueDate: formatIsoDate(opened + o),
            amount: fromMinorUnits(amounts[i]!, "USD"),
          }));
          const asOfDay = opened + asOfOffset;
          const acc = account({
            openedOn: "2025-01-01",
            dues,
            payments: paid > 0 ? [{ date: "2025-01-01", amount: fromMinorUnits(paid, "USD") }] : [],
          });
          const d = planDeferral({ account: acc, months, asOf: formatIsoDate(asOfDay) });
          const total = offsets.reduce((t, _, i) => t + amounts[i]!, 0);
          expect(units(d.deferredAmount)).toBe(BigInt(Math.max(0, total - paid)));
          let prev = asOfDay;
          let sum = 0n;
          for (const l of d.newSchedule) {
            const day = parseIsoDate(l.dueDate);
            expect(day).toBeGreaterThan(prev);
            prev = day;
            sum += units(l.deferred);
            expect(units(l.deferred) > 0n).toBe(true);
          }
          expect(sum).toBe(units(d.deferredAmount));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("bad input never leaks a TypeError, NaN or undefined", () => {
  const junk = fc.oneof(
    fc.anything(),
    fc.constantFrom(
      "NaN",
      "Infinity",
      "-0",
      "1e400",
      "",
      " 1",
      "0x10",
      "1,000.00",
      NaN,
      Infinity,
      -1,
      1e400,
      null,
      undefined,
    ),
  );
  const expectArrearsOrOk = (f: () => unknown) => {
    try {
      const out = f();
      const json = JSON.stringify(out);
      expect(json).not.toMatch(/NaN|undefined|Infinity/);
    } catch (e) {
      expect(e).toBeInstanceOf(ArrearsError);
      expect(["INVALID_OFFER", "INVALID_ACCOUNT"]).toContain((e as ArrearsError).code);
    }
  };

  it("planInstallments", () => {
    const valid = {
      amount: "1000.00",
      count: 3,
      firstDueDate: "2026-01-31",
      currency: "USD",
      rate: "0.1",
      frequency: "monthly",
      monthlyIncome: "500",
      maxIncomeShare: "0.3",
    };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(valid), "waive", "extra"), junk, (key, value) => {
        expectArrearsOrOk(() => planInstallments({ ...valid, [key]: value } as never));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(junk, (v) => expectArrearsOrOk(() => planInstallments(v as never))),
      { numRuns: 200 },
    );
  });

  it("buildOffer, settlementOffer, planDeferral, waiveFees", () => {
    const specs = [
      { kind: "installments", counts: [3, 6, 12], waive: ["fees"], maxIncomeShare: 0.35, rate: "0.2" },
      { kind: "deferral", months: 3, interestRate: "0.1" },
      { kind: "settlement", maxDiscount: "0.4", floor: "0.5" },
      { kind: "fee_waiver", components: ["fees"] },
    ];
    fc.assert(
      fc.property(
        fc.nat({ max: 3 }),
        fc.constantFrom(
          "kind",
          "counts",
          "months",
          "maxDiscount",
          "floor",
          "components",
          "rate",
          "basis",
          "firstDueInDays",
          "waive",
          "frequency",
        ),
        junk,
        (k, key, value) => {
          const spec = { ...specs[k]!, [key]: value };
          expectArrearsOrOk(() => buildOffer(spec as never, account(), { asOf: "2026-11-23" }));
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(junk, junk, (a, b) => {
        expectArrearsOrOk(() => settlementOffer({ account: account(), maxDiscount: a, floor: b } as never));
        expectArrearsOrOk(() => planDeferral({ account: account(), months: a, asOf: b } as never));
        expectArrearsOrOk(() => waiveFees({ account: a, components: b } as never));
        expectArrearsOrOk(() => buildOffer(a as never, b, { asOf: "2026-11-23" }));
        expectArrearsOrOk(() => buildOffer({ kind: "deferral", months: 1 }, account(), { asOf: a } as never));
      }),
      { numRuns: 300 },
    );
  });

  it("amounts in every currency keep the currency's minor digits", () => {
    fc.assert(
      fc.property(currencyArb, fc.integer({ min: 0, max: 10 ** 9 }), (currency, m) => {
        const p = planInstallments({
          amount: fromMinorUnits(m, currency),
          count: 7,
          firstDueDate: "2026-05-31",
          currency,
        });
        const digits = minorDigits(currency);
        for (const i of p.installments) expect(i.amount.split(".")[1]?.length ?? 0).toBe(digits);
      }),
      { numRuns: 100 },
    );
  });
});
