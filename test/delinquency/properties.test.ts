import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleStatus, type Delinquency, deriveDelinquency } from "../../src/delinquency/index.js";
// Area entry points (re-exported unchanged by src/index.ts), so these tests do not depend on other areas.
import { type Account, parseAccount } from "../../src/model/index.js";
import { fromMinorUnits, toMinorUnits } from "../../src/money/index.js";
import { civilFromDays, daysFromCivil, formatIsoDate, parseIsoDate } from "../../src/time/index.js";
import { dpdFromDues } from "./oracle.js";

const OPENED = parseIsoDate("2023-01-01");
const RUNS = { numRuns: 150 };

interface Gen {
  dues: { off: number; amount: number; fees: number; interest: number; asNumber: boolean }[];
  payments: { off: number; amount: number; asNumber: boolean }[];
  asOfOff: number;
  instant: boolean;
  tolerance: number;
  penalty: number;
  product: "installment" | "revolving";
  perm: number[];
}

const money = (cents: number, asNumber: boolean) => (asNumber ? cents / 100 : fromMinorUnits(cents, "CNY"));

// Dates cluster where bugs hide: payments near due dates, asOf on a due or payment date.
const genArb: fc.Arbitrary<Gen> = fc
  .record({
    base: fc.record({
      dues: fc
        .uniqueArray(
          fc.record({
            off: fc.integer({ min: 0, max: 1200 }),
            amount: fc.integer({ min: 0, max: 500_000 }),
            f: fc.nat(),
            i: fc.nat(),
            asNumber: fc.boolean(),
          }),
          { maxLength: 36, selector: (d) => d.off },
        )
        .map((ds) =>
          ds.map(({ off, amount, f, i, asNumber }) => {
            const fees = f % (amount + 1);
            return { off, amount, fees, interest: i % (amount - fees + 1), asNumber };
          }),
        ),
      payments: fc.array(
        fc.record({
          off: fc.integer({ min: 0, max: 1300 }),
          amount: fc.integer({ min: 1, max: 800_000 }),
          asNumber: fc.boolean(),
        }),
        { maxLength: 40 },
      ),
      asOfOff: fc.integer({ min: -20, max: 1400 }),
      instant: fc.boolean(),
      tolerance: fc.integer({ min: 0, max: 2_000 }),
      penalty: fc.integer({ min: 0, max: 50_000 }),
      product: fc.constantFrom("installment" as const, "revolving" as const),
      perm: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
    }),
    anchors: fc.array(fc.tuple(fc.nat(), fc.integer({ min: -3, max: 40 })), { minLength: 40, maxLength: 40 }),
    asOfPick: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.nat()),
  })
  .map(({ base, anchors, asOfPick }) => {
    const g = base as Gen;
    if (g.dues.length > 0)
      g.payments = g.payments.map((p, i) => {
        const [pick, delta] = anchors[i]!;
        if (pick % 3 === 0) return p;
        return { ...p, off: Math.max(0, g.dues[pick % g.dues.length]!.off + delta) };
      });
    const [kind, n] = asOfPick;
    if (kind === 1 && g.dues.length) g.asOfOff = g.dues[n % g.dues.length]!.off;
    if (kind === 2 && g.payments.length) g.asOfOff = g.payments[n % g.payments.length]!.off;
    return g;
  });

function shuffled<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((x, i) => [x, keys[i % keys.length]! * 100 + i] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([x]) => x);
}

function raw(g: Gen, opts: { permute?: boolean; extraPayment?: { date: string; amount: string } } = {}) {
  let dues = g.dues.map((d) => ({
    dueDate: formatIsoDate(OPENED + d.off),
    amount: money(d.amount, d.asNumber),
    ...(d.fees > 0 ? { fees: money(d.fees, false) } : {}),
    ...(d.interest > 0 ? { interest: money(d.interest, false) } : {}),
  }));
  let payments = g.payments.map((p) => ({ date: formatIsoDate(OPENED + p.off), amount: money(p.amount, p.asNumber) }));
  if (opts.extraPayment) payments.push(opts.extraPayment);
  if (opts.permute) {
    dues = shuffled(dues, g.perm);
    payments = shuffled(payments, g.perm.slice().reverse());
  }
  const owed = g.dues.reduce((s, d) => s + d.amount, 0);
  return {
    id: "P1",
    product: g.product,
    currency: "CNY",
    openedOn: formatIsoDate(OPENED),
    timeZone: "Asia/Shanghai",
    balance: { principal: fromMinorUnits(owed, "CNY"), penaltyInterest: fromMinorUnits(g.penalty, "CNY") },
    dues,
    payments,
  };
}

const evalDay = (g: Gen) => OPENED + g.asOfOff;
// 23:59 local time in Shanghai is still the same local date.
const asOf = (g: Gen) => (g.instant ? `${formatIsoDate(evalDay(g))}T23:59:59+08:00` : formatIsoDate(evalDay(g)));
const options = (g: Gen) => ({ asOf: asOf(g), tolerance: fromMinorUnits(g.tolerance, "CNY"), graceDays: 5 });

function numbersIn(x: unknown, out: number[] = []): number[] {
  if (typeof x === "number") out.push(x);
  else if (Array.isArray(x)) x.forEach((v) => numbersIn(v, out));
  else if (x && typeof x === "object") Object.values(x).forEach((v) => numbersIn(v, out));
  return out;
}

function checkShape(r: Delinquency, snapshot = false) {
  expect(Number.isInteger(r.dpd) && r.dpd >= 0).toBe(true);
  for (const n of numbersIn(r)) expect(Number.isFinite(n)).toBe(true);
  for (const v of [...Object.values(r.overdue), ...Object.values(r.outstanding)]) expect(v).toMatch(/^\d+\.\d{2}$/);
  expect(r.cycleHistory.length).toBeGreaterThanOrEqual(1);
  expect(r.cycleHistory.length).toBeLessThanOrEqual(24);
  for (const h of r.cycleHistory) expect(Number.isInteger(h) && h >= 0 && h <= 12).toBe(true);
  if (!snapshot) expect(r.cycleHistory[0]).toBe(cycleStatus(r.dpd));
  else if (r.dpd > 0) expect(r.cycleHistory[0]).toBeGreaterThanOrEqual(cycleStatus(r.dpd));
  expect(r.cyclesDelinquent12m).toBeLessThanOrEqual(Math.min(12, r.cyclesDelinquent24m));
  expect(r.inGrace).toBe(r.dpd >= 1 && r.dpd <= 5);
  expect(r.firstDelinquency && r.dpd === 0).toBe(false);
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

describe("deriveDelinquency properties", () => {
  it("a valid account never throws; DPD ≥ 0; every number finite; shape holds", () => {
    fc.assert(
      fc.property(genArb, (g) => {
        const r = deriveDelinquency(parseAccount(raw(g)), options(g));
        checkShape(r);
        // DPD is bounded by the age of the oldest due.
        const first = g.dues.length ? Math.min(...g.dues.map((d) => d.off)) : Infinity;
        expect(r.dpd).toBeLessThanOrEqual(Math.max(0, g.asOfOff - first));
      }),
      RUNS,
    );
  });

  it("permuting dues and payments never changes the result", () => {
    fc.assert(
      fc.property(genArb, (g) => {
        const a = deriveDelinquency(parseAccount(raw(g)), options(g));
        const b = deriveDelinquency(parseAccount(raw(g, { permute: true })), options(g));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      RUNS,
    );
  });

  it("a payment dated after the evaluation date never changes the result", () => {
    fc.assert(
      fc.property(
        genArb,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (g, after, cents) => {
          const a = deriveDelinquency(parseAccount(raw(g)), options(g));
          const extra = {
            date: formatIsoDate(Math.max(evalDay(g), OPENED) + after),
            amount: fromMinorUnits(cents, "CNY"),
          };
          const b = deriveDelinquency(parseAccount(raw(g, { extraPayment: extra })), options(g));
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
      RUNS,
    );
  });

  it("overdue ≤ outstanding when the balance covers the dues", () => {
    fc.assert(
      fc.property(genArb, (g) => {
        const r = deriveDelinquency(parseAccount(raw(g)), options(g));
        expect(toMinorUnits(r.overdue.total, "CNY")).toBeLessThanOrEqual(toMinorUnits(r.outstanding.total, "CNY"));
        const parts = ["principal", "interest", "penaltyInterest", "fees"] as const;
        expect(parts.reduce((s, k) => s + toMinorUnits(r.overdue[k], "CNY"), 0)).toBe(
          toMinorUnits(r.overdue.total, "CNY"),
        );
        expect(parts.reduce((s, k) => s + toMinorUnits(r.outstanding[k], "CNY"), 0)).toBe(
          toMinorUnits(r.outstanding.total, "CNY"),
        );
      }),
      RUNS,
    );
  });

  it("DPD agrees with the independent dpdFromDues, and a larger tolerance never raises it", () => {
    fc.assert(
      fc.property(genArb, fc.integer({ min: 0, max: 100_000 }), (g, more) => {
        const a = parseAccount(raw(g));
        const r = deriveDelinquency(a, options(g));
        expect(r.dpd).toBe(dpdFromDues(a.dues!, a.payments, "CNY", evalDay(g), g.tolerance));
        const looser = deriveDelinquency(a, { ...options(g), tolerance: fromMinorUnits(g.tolerance + more, "CNY") });
        expect(looser.dpd).toBeLessThanOrEqual(r.dpd);
      }),
      RUNS,
    );
  });

  it("the one-sweep cycle history matches evaluating at each month-end", () => {
    fc.assert(
      fc.property(genArb, (g) => {
        const a: Account = parseAccount(raw(g));
        const opts = options(g);
        const r = deriveDelinquency(a, opts);
        const [y, m] = civilFromDays(evalDay(g));
        for (let k = 1; k < r.cycleHistory.length; k++) {
          const t = y * 12 + (m - 1) - k + 1;
          const monthEnd = daysFromCivil(Math.floor(t / 12), (t % 12) + 1, 1) - 1;
          expect(monthEnd).toBeGreaterThanOrEqual(OPENED);
          const then = deriveDelinquency(a, { ...opts, asOf: formatIsoDate(monthEnd) });
          expect(r.cycleHistory[k]).toBe(cycleStatus(then.dpd));
        }
        // Entries stop only at the opening month (or at 24).
        const expectedLen = Math.min(24, Math.max(1, (y - 2023) * 12 + m));
        expect(r.cycleHistory.length).toBe(expectedLen);
      }),
      { numRuns: 60 },
    );
  });

  it("snapshot accounts never throw and age monotonically", () => {
    const snapArb = fc.record({
      dpd: fc.integer({ min: 0, max: 2000 }),
      snapOff: fc.integer({ min: 0, max: 800 }),
      later: fc.integer({ min: -50, max: 800 }),
      overdue: fc.oneof(
        fc.integer({ min: 0, max: 10_000_000 }).map((c) => fromMinorUnits(c, "CNY") as unknown),
        fc
          .record({ principal: fc.integer({ min: 0, max: 1e7 }), fees: fc.integer({ min: 0, max: 1e5 }) })
          .map((o) => ({ principal: o.principal / 100, fees: fromMinorUnits(o.fees, "CNY") })),
      ),
      history: fc.option(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 24 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(snapArb, ({ dpd, snapOff, later, overdue, history }) => {
        const a = parseAccount({
          id: "S1",
          product: "revolving",
          currency: "CNY",
          openedOn: formatIsoDate(OPENED),
          timeZone: "Europe/London",
          balance: { principal: "100.00" },
          delinquency: {
            dpd,
            asOf: formatIsoDate(OPENED + snapOff),
            overdue,
            ...(history ? { cycleHistory: history } : {}),
          },
        });
        const r = deriveDelinquency(a, { asOf: formatIsoDate(OPENED + snapOff + later), scheme: "us-cycle" });
        checkShape({ ...r, inGrace: r.dpd >= 1 && r.dpd <= 5 }, true);
        expect(r.dpd).toBe(dpd > 0 && later > 0 ? dpd + later : dpd);
        if (history?.length) expect(r.cycleHistory.slice(1)).toEqual(history.slice(1));
      }),
      RUNS,
    );
  });
});
