import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AccountInput } from "../../src/model/index.js";
import { Dec, fromMinorUnits, minorDigits } from "../../src/money/index.js";
import { buildOffer, type Offer, type OfferSpec } from "../../src/offers/index.js";
import { addMonthsToDay, formatIsoDate, parseIsoDate } from "../../src/time/index.js";

// Every offer kind with payments, on random accounts, in and out of hardship.

const units = (s: string): bigint => {
  expect(s).toMatch(/^-?\d+(\.\d+)?$/);
  return BigInt(s.replace(".", ""));
};

const START = parseIsoDate("2025-01-01");

interface World {
  currency: "USD" | "JPY";
  dueDay: number;
  n: number;
  contract: number;
  paidDues: number;
  extraPaid: number;
  principal: number;
  penalty: number;
  fees: number;
  income: number | null;
  obligations: number | null;
  ie: { income: number; essential: number; other: number } | null;
  hardship: boolean;
  asOfMonth: number;
  asOfDay: number;
}

const worldArb: fc.Arbitrary<World> = fc.record({
  currency: fc.constantFrom("USD" as const, "JPY" as const),
  dueDay: fc.integer({ min: 1, max: 31 }),
  n: fc.integer({ min: 1, max: 36 }),
  contract: fc.integer({ min: 100, max: 500_000 }),
  paidDues: fc.integer({ min: 0, max: 36 }),
  extraPaid: fc.integer({ min: 0, max: 200_000 }),
  principal: fc.integer({ min: 0, max: 20_000_000 }),
  penalty: fc.integer({ min: 0, max: 100_000 }),
  fees: fc.integer({ min: 0, max: 100_000 }),
  income: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: null }),
  obligations: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  ie: fc.option(
    fc.record({
      income: fc.integer({ min: 0, max: 3_000_000 }),
      essential: fc.integer({ min: 0, max: 3_000_000 }),
      other: fc.integer({ min: 0, max: 500_000 }),
    }),
    { nil: null },
  ),
  hardship: fc.boolean(),
  asOfMonth: fc.integer({ min: 0, max: 40 }),
  asOfDay: fc.integer({ min: 0, max: 27 }),
});

function accountOf(w: World): { account: AccountInput; asOf: string } {
  const money = (m: number) => fromMinorUnits(m, w.currency);
  const dues = Array.from({ length: w.n }, (_, i) => {
    const d = addMonthsToDay(START + (w.dueDay - 1), i + 1);
    return { dueDate: formatIsoDate(d), amount: money(w.contract) };
  });
  const payments = dues.slice(0, Math.min(w.paidDues, w.n)).map((d) => ({ date: d.dueDate, amount: d.amount }));
  const asOf = formatIsoDate(addMonthsToDay(START, w.asOfMonth) + w.asOfDay);
  if (w.extraPaid > 0) payments.push({ date: "2025-01-01", amount: money(w.extraPaid) });
  const borrower: NonNullable<AccountInput["borrower"]> = {
    ...(w.income === null ? {} : { monthlyIncome: money(w.income) }),
    ...(w.obligations === null ? {} : { monthlyObligations: money(w.obligations) }),
    ...(w.ie === null
      ? {}
      : {
          incomeAndExpenditure: {
            monthlyIncome: money(w.ie.income),
            essentialExpenditure: money(w.ie.essential),
            otherDebtRepayments: money(w.ie.other),
            completedOn: "2025-01-01",
          },
        }),
    ...(w.hardship ? { hardship: [{ kind: "income_drop" as const, reportedOn: "2025-01-01" }] } : {}),
  };
  return {
    account: {
      id: "P",
      product: "installment",
      currency: w.currency,
      openedOn: "2025-01-01",
      timeZone: "UTC",
      balance: { principal: money(w.principal), penaltyInterest: money(w.penalty), fees: money(w.fees) },
      dues,
      payments,
      borrower,
    },
    asOf,
  };
}

const share = fc.integer({ min: 1, max: 100 }).map((p) => p / 100);
const affordabilityArb = fc.record(
  {
    maxIncomeShare: share,
    includeObligations: fc.boolean(),
    useIncomeExpenditure: fc.boolean(),
    surplusShare: share,
    incomeExpenditureMaxAgeDays: fc.constant(3650),
  },
  { requiredKeys: [] },
);
const waiveArb = fc.subarray(["penaltyInterest", "fees"] as ("penaltyInterest" | "fees")[]);

const specArb: fc.Arbitrary<OfferSpec> = fc.oneof(
  fc
    .record({
      counts: fc.uniqueArray(fc.integer({ min: 1, max: 48 }), { minLength: 1, maxLength: 5 }),
      rounding: fc.constantFrom("down" as const, "up" as const),
      basis: fc.constantFrom("outstanding" as const, "overdue" as const),
      allowAboveContractInstallment: fc.boolean(),
      firstDueOn: fc.constantFrom("in_days" as const, "next_due_date" as const),
      waive: waiveArb,
      aff: affordabilityArb,
    })
    .map(({ aff, ...s }) => ({ kind: "installments" as const, ...s, ...aff })),
  fc
    .record({
      extendByMonths: fc.uniqueArray(fc.integer({ min: 1, max: 36 }), { minLength: 1, maxLength: 4 }),
      allowAboveContractInstallment: fc.boolean(),
      rounding: fc.constantFrom("down" as const, "up" as const),
      aff: affordabilityArb,
    })
    .map(({ aff, ...s }) => ({ kind: "term_extension" as const, ...s, ...aff })),
  fc
    .record({
      term: fc.constantFrom("repay" as const, "open" as const),
      reviewAfterMonths: fc.integer({ min: 1, max: 12 }),
      maxMonths: fc.integer({ min: 1, max: 240 }),
      basis: fc.constantFrom("outstanding" as const, "overdue" as const),
      firstDueOn: fc.constantFrom("in_days" as const, "next_due_date" as const),
      aff: affordabilityArb,
    })
    .map(({ aff, ...s }) => ({ kind: "reduced_payment" as const, ...s, ...aff })),
  fc
    .record({
      months: fc.integer({ min: 1, max: 12 }),
      tokenPayment: fc.option(fc.record({ share: share }), { nil: undefined }),
      interestRate: fc.option(fc.constantFrom("0.05", "0.2"), { nil: undefined }),
      aff: affordabilityArb,
    })
    .map(({ aff, tokenPayment, interestRate, ...s }) => ({
      kind: "payment_holiday" as const,
      ...s,
      ...(tokenPayment ? { tokenPayment } : {}),
      ...(interestRate ? { interestRate } : {}),
      ...aff,
    })),
  fc
    .record({ months: fc.integer({ min: 1, max: 12 }), waive: waiveArb })
    .map((s) => ({ kind: "deferral" as const, ...s })),
);

/** The disposable amount, recomputed from the offer's own inputs (exact). */
function disposableFromInputs(o: Offer): Dec | null {
  const a = o.affordability;
  const i = a.inputs;
  if (a.basis === "income_expenditure")
    return new Dec(i.income!).minus(i.essentialExpenditure!).minus(i.otherDebtRepayments!).times(i.surplusShare!);
  if (a.basis === "income_share") return new Dec(i.income!).times(i.maxIncomeShare!).minus(i.obligations ?? "0");
  return null;
}

function run(w: World, spec: OfferSpec): Offer {
  const { account, asOf } = accountOf(w);
  return buildOffer(spec, account, { asOf });
}

describe("hardship offers: what must hold whatever the account and the spec", () => {
  it("schedules are exact to the minor unit: amounts in minor digits, dates increasing, totals exact", () => {
    fc.assert(
      fc.property(worldArb, specArb, (w, spec) => {
        const o = run(w, spec);
        const digits = minorDigits(w.currency);
        let total = 0n;
        let prev = Number.NEGATIVE_INFINITY;
        o.schedule.forEach((l, i) => {
          expect(l.number).toBe(i + 1);
          expect(l.amount.split(".")[1]?.length ?? 0).toBe(digits);
          // (a plan of more installments than minor units has zero installments: planInstallments' rule)
          expect(units(l.amount) > 0n || l.type === "installment").toBe(true);
          const d = parseIsoDate(l.dueDate);
          expect(d).toBeGreaterThan(prev);
          prev = d;
          total += units(l.amount);
        });
        expect(total).toBe(units(o.scheduleTotal));
        if (o.status !== "offered") return;
        if (o.kind === "installments" || o.kind === "term_extension")
          expect(total).toBe(units(o.financed) + ("totalInterest" in o ? units(o.totalInterest) : 0n));
        if (o.kind === "reduced_payment") expect(total + units(o.remainingAfterSchedule)).toBe(units(o.financed));
        if (o.kind === "payment_holiday" || o.kind === "deferral")
          expect(total).toBe(units(o.deferredAmount) + units(o.interest.amount));
      }),
      { numRuns: 400 },
    );
  });

  it("in hardship no payment the offer sets exceeds the contract installment unless the spec allows it and it is affordable", () => {
    fc.assert(
      fc.property(worldArb, specArb, (w0, spec) => {
        const w = { ...w0, hardship: true };
        const o = run(w, spec);
        if (o.status !== "offered") return;
        expect(o.contractInstallment).toBe(fromMinorUnits(w.contract, w.currency));
        const allowed =
          (o.kind === "installments" || o.kind === "term_extension") &&
          "allowAboveContractInstallment" in spec &&
          spec.allowAboveContractInstallment === true &&
          o.affordability.affordable === true;
        if (allowed) return;
        for (const l of o.schedule)
          if (l.type === "installment" || l.type === "token") expect(units(l.amount) <= BigInt(w.contract)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("an unaffordable offer never goes out as affordable; what is called affordable fits the disposable amount", () => {
    fc.assert(
      fc.property(worldArb, specArb, (w, spec) => {
        const o = run(w, spec);
        const a = o.affordability;
        expect(o.reviewRequired).toBe(o.status === "unaffordable" || o.status === "insufficient_information");
        if (o.status !== "offered") {
          expect(o.schedule).toEqual([]);
          expect(units(o.scheduleTotal)).toBe(0n);
          return;
        }
        expect(a.affordable).not.toBe(false);
        const disposable = disposableFromInputs(o);
        if (a.basis === "unknown") expect(a.affordable === null || a.reason === "no_payment").toBe(true);
        if (a.affordable === true && a.reason !== "no_payment") {
          expect(disposable).not.toBeNull();
          for (const l of o.schedule)
            if (l.type === "installment" || l.type === "token") expect(new Dec(l.amount).lte(disposable!)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
