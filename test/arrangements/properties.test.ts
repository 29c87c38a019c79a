import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ArrangementState, arrangementStatus } from "../../src/arrangements/index.js";
import { type AccountInput, parseAccount } from "../../src/model/index.js";
import { formatIsoDate, parseIsoDate } from "../../src/time/index.js";

const BASE = parseIsoDate("2026-01-01");
const day = (n: number) => formatIsoDate(BASE + n);

interface Case {
  agreed: number;
  gaps: number[];
  amounts: number[];
  payments: { d: number; cents: number }[];
  grace: number;
  missed: number;
  late: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    agreed: fc.integer({ min: 20, max: 60 }),
    n: fc.integer({ min: 1, max: 8 }),
    payments: fc.array(fc.record({ d: fc.integer({ min: 0, max: 400 }), cents: fc.integer({ min: 1, max: 60_000 }) }), {
      maxLength: 12,
    }),
    grace: fc.integer({ min: 0, max: 5 }),
    missed: fc.integer({ min: 1, max: 3 }),
    late: fc.integer({ min: 0, max: 60 }),
  })
  .chain((r) =>
    fc
      .record({
        gaps: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: r.n, maxLength: r.n }),
        amounts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000 })), {
          minLength: r.n,
          maxLength: r.n,
        }),
      })
      .map((x) => ({ ...r, ...x })),
  );

function accountOf(c: Case, extra?: Case): AccountInput {
  const schedule = (k: Case) => {
    let d = k.agreed;
    return k.gaps.map((g, i) => {
      d += g;
      return { dueDate: day(d), amount: (k.amounts[i]! / 100).toFixed(2) };
    });
  };
  return {
    id: "P",
    product: "installment",
    currency: "USD",
    openedOn: "2026-01-01",
    timeZone: "UTC",
    delinquency: { dpd: 0, overdue: "0" },
    payments: c.payments.map((p) => ({ date: day(p.d), amount: (p.cents / 100).toFixed(2) })),
    arrangements: [
      { id: "a", kind: "installment_plan", agreedOn: day(c.agreed), schedule: schedule(c) },
      ...(extra
        ? [{ id: "b", kind: "reduced_payment" as const, agreedOn: day(extra.agreed), schedule: schedule(extra) }]
        : []),
    ],
  };
}

const cents = (s: string) => Math.round(Number(s) * 100);
const opts = (c: Case, t: number) => ({
  asOf: day(t),
  graceDays: c.grace,
  brokenAfterMissed: c.missed,
  brokenAfterDaysLate: c.late,
});

// A naive reference: is the arrangement broken on day t (judged by the state of that day alone)?
function brokenConditionOn(c: Case, t: number): boolean {
  const dues: number[] = [];
  let d = c.agreed;
  for (const g of c.gaps) dues.push((d += g));
  let paid = 0;
  for (const p of c.payments) if (p.d >= c.agreed && p.d <= t) paid += p.cents;
  let cum = 0,
    unpaidPastGrace = 0;
  for (let i = 0; i < dues.length; i++) {
    cum += c.amounts[i]!;
    if (c.amounts[i] === 0) continue;
    const unpaid = paid < cum;
    if (unpaid && t > dues[i]! + c.grace) unpaidPastGrace++;
    if (unpaid && t > dues[i]! + c.late) return true;
  }
  return unpaidPastGrace >= c.missed;
}

describe("arrangement tracking invariants", () => {
  it("money matched never exceeds what was paid in the window, nor what was scheduled", () => {
    fc.assert(
      fc.property(caseArb, caseArb, fc.integer({ min: 0, max: 420 }), (c, c2, t) => {
        const second = { ...c2, agreed: c.agreed + c2.agreed };
        const s = arrangementStatus(accountOf(c, second), opts(c, t));
        let matchedAll = 0;
        for (const a of s.arrangements) {
          let sum = 0;
          for (const i of a.installments) {
            expect(cents(i.paid)).toBeGreaterThanOrEqual(0);
            expect(cents(i.paid)).toBeLessThanOrEqual(cents(i.amount));
            sum += cents(i.paid);
          }
          expect(sum).toBe(cents(a.paid));
          expect(cents(a.paid)).toBeLessThanOrEqual(cents(a.scheduled));
          const from = parseIsoDate(a.agreedOn) - BASE;
          const to = parseIsoDate(a.monitoredUntil) - BASE;
          const inWindow = c.payments.filter((p) => p.d >= from && p.d <= to).reduce((x, p) => x + p.cents, 0);
          expect(cents(a.paid)).toBeLessThanOrEqual(inWindow);
          matchedAll += cents(a.paid);
        }
        // No payment counts toward two arrangements.
        expect(matchedAll).toBeLessThanOrEqual(c.payments.filter((p) => p.d <= t).reduce((x, p) => x + p.cents, 0));
      }),
      { numRuns: 300 },
    );
  });

  it("completed iff every installment is paid; broken from the first day the condition holds (naive reference)", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 420 }), (c, t) => {
        const s = arrangementStatus(accountOf(c), opts(c, t));
        if (t < c.agreed) {
          expect(s.current).toBeNull();
          return;
        }
        const a = s.current!;
        const allPaid = a.installments.every((i) => i.status === "paid");
        expect(a.status === "completed").toBe(allPaid);
        expect(a.completedOn !== null).toBe(allPaid);
        let firstBroken: number | null = null;
        for (let u = c.agreed; u <= t; u++)
          if (brokenConditionOn(c, u)) {
            firstBroken = u;
            break;
          }
        expect(a.brokenOn).toBe(firstBroken === null ? null : day(firstBroken));
        if (!allPaid) expect(a.status === "broken").toBe(firstBroken !== null);
        if (a.status === "at_risk" || a.status === "on_track")
          expect(a.status === "at_risk").toBe(a.missedPayments > 0);
        expect(a.missedPayments).toBe(
          a.installments.filter((i) => i.status === "short" || i.status === "missed").length,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("for a fixed set of payments, a broken arrangement stays broken or completes, and a completed one stays completed", () => {
    const rank: Record<ArrangementState, number> = { on_track: 0, at_risk: 0, broken: 1, completed: 2 };
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 200 }), (c, t0, dt) => {
        const account = parseAccount(accountOf(c));
        const t1 = c.agreed + t0;
        const a = arrangementStatus(account, opts(c, t1)).current!;
        const b = arrangementStatus(account, opts(c, t1 + dt)).current!;
        expect(rank[b.status]).toBeGreaterThanOrEqual(rank[a.status]);
        if (a.brokenOn !== null) expect(b.brokenOn).toBe(a.brokenOn);
        if (a.completedOn !== null) expect(b.completedOn).toBe(a.completedOn);
        expect(cents(b.paid)).toBeGreaterThanOrEqual(cents(a.paid));
      }),
      { numRuns: 300 },
    );
  });
});
