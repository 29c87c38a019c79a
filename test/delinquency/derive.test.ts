import { describe, expect, it } from "vitest";
import { BUCKET_SCHEMES, cycleStatus, deriveDelinquency, loadBucketScheme } from "../../src/delinquency/index.js";
// Area entry points (re-exported unchanged by src/index.ts), so these tests do not depend on other areas.
import { formatPath } from "../../src/errors/index.js";
import { parseAccount } from "../../src/model/index.js";
import { parseIsoDate } from "../../src/time/index.js";
import { thrownArrearsError as thrown } from "../helpers.js";
import { dpdFromDues } from "./oracle.js";

type Due = { dueDate: string; amount: string; principal?: string; interest?: string; fees?: string };
type Pay = { date: string; amount: string };

const base = {
  id: "T1",
  product: "installment",
  currency: "CNY",
  openedOn: "2024-01-01",
  timeZone: "Asia/Shanghai",
} as const;
const acct = (dues: Due[], payments: Pay[] = [], extra: Record<string, unknown> = {}) =>
  parseAccount({ ...base, dues, payments, ...extra });
const d = (dues: Due[], payments: Pay[], asOf: string, opts: Record<string, unknown> = {}) =>
  deriveDelinquency(acct(dues, payments), { asOf, ...opts });

const MAR_APR: Due[] = [
  { dueDate: "2024-03-15", amount: "1000.00" },
  { dueDate: "2024-04-15", amount: "1000.00" },
];

describe("DPD from dues and payments", () => {
  it("counts from the oldest unpaid due; the due date is day 0", () => {
    expect(d(MAR_APR, [], "2024-03-15").dpd).toBe(0);
    expect(d(MAR_APR, [], "2024-03-16").dpd).toBe(1);
    expect(d(MAR_APR, [], "2024-03-14").dpd).toBe(0);
    const r = d(MAR_APR, [], "2024-04-20");
    expect(r.dpd).toBe(36); // Mar 15 → Apr 15 is 31 days, + 5
    expect(r.oldestUnpaidDueDate).toBe("2024-03-15");
    expect(r.overdue.total).toBe("2000.00");
    expect(r.bucket).toBe("M2");
    expect(r.source).toBe("dues");
    expect(r.asOfDate).toBe("2024-04-20");
    expect(r.scheme).toBe("cn-m");
  });

  it("a partial payment leaves the oldest due open", () => {
    const r = d(MAR_APR, [{ date: "2024-03-20", amount: "600.00" }], "2024-04-20");
    expect(r.dpd).toBe(36);
    expect(r.overdue.total).toBe("1400.00");
    expect(r.overdue.principal).toBe("1400.00");
  });

  it("a payment that clears the oldest due moves DPD to the next one", () => {
    const r = d(MAR_APR, [{ date: "2024-04-10", amount: "1000.00" }], "2024-04-20");
    expect(r.dpd).toBe(5);
    expect(r.oldestUnpaidDueDate).toBe("2024-04-15");
    expect(r.overdue.total).toBe("1000.00");
  });

  it("a payment between two dues cures the account until the next due", () => {
    const pays = [{ date: "2024-04-01", amount: "1000.00" }];
    expect(d(MAR_APR, pays, "2024-03-31").dpd).toBe(16);
    expect(d(MAR_APR, pays, "2024-04-01").dpd).toBe(0);
    expect(d(MAR_APR, pays, "2024-04-14").dpd).toBe(0);
    expect(d(MAR_APR, pays, "2024-04-16").dpd).toBe(1);
  });

  it("overpayment is a credit against later dues", () => {
    const dues = [...MAR_APR, { dueDate: "2024-05-15", amount: "1000.00" }];
    const pays = [{ date: "2024-03-20", amount: "2500.00" }];
    const early = d(dues, pays, "2024-04-20");
    expect(early.dpd).toBe(0);
    expect(early.overdue.total).toBe("0.00");
    expect(early.oldestUnpaidDueDate).toBeNull();
    const later = d(dues, pays, "2024-05-20");
    expect(later.dpd).toBe(5);
    expect(later.overdue.total).toBe("500.00");
  });

  it("ignores payments dated after the evaluation date", () => {
    const r = d(MAR_APR, [{ date: "2024-04-21", amount: "2000.00" }], "2024-04-20");
    expect(r.dpd).toBe(36);
    expect(d(MAR_APR, [{ date: "2024-04-21", amount: "2000.00" }], "2024-04-21").dpd).toBe(0);
  });

  it("tolerance: a remainder at or below it does not count, per due", () => {
    const one = [{ dueDate: "2024-03-15", amount: "1000.00" }];
    const pay = [{ date: "2024-03-15", amount: "999.50" }];
    expect(d(one, pay, "2024-04-20").dpd).toBe(36);
    const tol = d(one, pay, "2024-04-20", { tolerance: "1" });
    expect(tol.dpd).toBe(0);
    expect(tol.bucket).toBe("M0");
    expect(tol.overdue.total).toBe("0.50"); // tolerated, but still owed
    expect(tol.oldestUnpaidDueDate).toBeNull();
    expect(d(one, pay, "2024-04-20", { tolerance: "0.50" }).dpd).toBe(0); // "at or below"
    expect(d(one, pay, "2024-04-20", { tolerance: 0.49 }).dpd).toBe(36);
    // A tolerated remainder on an old due does not age the account; the next unpaid due does.
    const r = d(MAR_APR, [{ date: "2024-03-15", amount: "999.50" }], "2024-04-20", { tolerance: "1.00" });
    expect(r.dpd).toBe(5);
    expect(r.oldestUnpaidDueDate).toBe("2024-04-15");
    expect(r.overdue.total).toBe("1000.50");
  });

  it("grace: inGrace for 1..graceDays, DPD still counts", () => {
    const at = (asOf: string) => d(MAR_APR, [], asOf, { graceDays: 5 });
    expect(at("2024-03-15")).toMatchObject({ dpd: 0, inGrace: false });
    expect(at("2024-03-16")).toMatchObject({ dpd: 1, inGrace: true, bucket: "M1" });
    expect(at("2024-03-20")).toMatchObject({ dpd: 5, inGrace: true });
    expect(at("2024-03-21")).toMatchObject({ dpd: 6, inGrace: false });
    expect(d(MAR_APR, [], "2024-03-16").inGrace).toBe(false); // default grace 0
  });

  it("leap years: a due on 2024-02-29", () => {
    const dues = [{ dueDate: "2024-02-29", amount: "500.00" }];
    expect(d(dues, [], "2024-03-01").dpd).toBe(1);
    expect(d(dues, [], "2024-03-29").dpd).toBe(29);
    expect(d(dues, [], "2025-02-28").dpd).toBe(365);
    expect(d(dues, [], "2025-03-01").dpd).toBe(366);
  });

  it("month-end dues and month-end cycle history", () => {
    const dues = [
      { dueDate: "2024-01-31", amount: "100.00" },
      { dueDate: "2024-02-29", amount: "100.00" },
      { dueDate: "2024-03-31", amount: "100.00" },
    ];
    const r = d(dues, [], "2024-03-31");
    expect(r.dpd).toBe(60); // Jan 31 → Mar 31 (29 + 31)
    expect(r.bucket).toBe("M2");
    // Mar 31 (now): 60 dpd → 3; Feb 29: 29 dpd → 1; Jan 31: due day → 0; Dec 2023 is before opening.
    expect(r.cycleHistory).toEqual([3, 1, 0]);
    expect(r.cyclesDelinquent12m).toBe(2);
    expect(r.worstCycle12m).toBe(3);
    expect(r.cleanCyclesBeforeDelinquency).toBe(1);
    expect(r.firstDelinquency).toBe(true);
  });

  it("cycle history keeps 24 months, newest first, and sees a cured episode", () => {
    // Monthly dues on the 5th, 2022-01 … 2024-12, each paid on its due date except June 2024,
    // which was caught up on 2024-07-20.
    const dues: Due[] = [];
    const pays: Pay[] = [];
    for (let y = 2022; y <= 2024; y++)
      for (let m = 1; m <= 12; m++) {
        const date = `${y}-${String(m).padStart(2, "0")}-05`;
        dues.push({ dueDate: date, amount: "1000.00" });
        if (date !== "2024-06-05") pays.push({ date, amount: "1000.00" });
      }
    pays.push({ date: "2024-07-20", amount: "1000.00" });
    const a = parseAccount({ ...base, openedOn: "2021-12-01", dues, payments: pays });
    const r = deriveDelinquency(a, { asOf: "2024-12-10" });
    expect(r.dpd).toBe(0);
    expect(r.cycleHistory).toHaveLength(24);
    // index 0 = 2024-12-10, 1 = Nov 30, … 5 = Jul 31 (cured), 6 = Jun 30 (25 dpd).
    const want = new Array(24).fill(0);
    want[6] = 1;
    expect(r.cycleHistory).toEqual(want);
    expect(r.cyclesDelinquent12m).toBe(1);
    expect(r.cyclesDelinquent24m).toBe(1);
    expect(r.worstCycle12m).toBe(1);
    expect(r.cleanCyclesBeforeDelinquency).toBe(0);
    expect(r.firstDelinquency).toBe(false);
    // Mid-July: the July 5 payment went to June (oldest first), so July's due is open.
    const jul = deriveDelinquency(a, { asOf: "2024-07-19" });
    expect(jul.dpd).toBe(14);
    expect(jul.oldestUnpaidDueDate).toBe("2024-07-05");
    expect(jul.cycleHistory.slice(0, 3)).toEqual([1, 1, 0]);
    expect(jul.cleanCyclesBeforeDelinquency).toBe(22);
    expect(jul.firstDelinquency).toBe(true);
  });

  it("a repeat delinquency is not a first delinquency", () => {
    const dues: Due[] = [
      { dueDate: "2024-01-10", amount: "100.00" },
      { dueDate: "2024-02-10", amount: "100.00" },
      { dueDate: "2024-03-10", amount: "100.00" },
      { dueDate: "2024-04-10", amount: "100.00" },
    ];
    // January paid late in February (delinquent at Jan 31), February and March on time (via
    // oldest-first), April missed.
    const pays = [
      { date: "2024-02-10", amount: "200.00" },
      { date: "2024-03-10", amount: "100.00" },
    ];
    const r = d(dues, pays, "2024-04-25");
    expect(r.dpd).toBe(15);
    expect(r.cycleHistory).toEqual([1, 0, 0, 1]); // Apr 25, Mar 31, Feb 29, Jan 31
    expect(r.cleanCyclesBeforeDelinquency).toBe(2);
    expect(r.firstDelinquency).toBe(false);
    expect(r.cyclesDelinquent12m).toBe(2);
  });

  it("cycleStatus follows the bureau profile: 1 = 1–29, 2 = 30–59 …, capped at 12", () => {
    expect([0, 1, 29, 30, 59, 60, 89, 90, 329, 330, 5000].map(cycleStatus)).toEqual([
      0, 1, 1, 2, 2, 3, 3, 4, 11, 12, 12,
    ]);
  });
});

describe("amounts by component", () => {
  it("a payment covers fees, then interest, then principal; penalty interest is overdue", () => {
    const a = acct(
      [{ dueDate: "2024-03-15", amount: "1000.00", interest: "70.00", fees: "30.00" }],
      [{ date: "2024-03-15", amount: "50.00" }],
      {
        balance: { principal: "9000.00", interest: "70.00", penaltyInterest: "5.55", fees: "30.00" },
      },
    );
    const r = deriveDelinquency(a, { asOf: "2024-03-20" });
    expect(r.overdue).toEqual({
      principal: "900.00",
      interest: "50.00",
      penaltyInterest: "5.55",
      fees: "0.00",
      total: "955.55",
    });
    expect(r.outstanding).toEqual({
      principal: "9000.00",
      interest: "70.00",
      penaltyInterest: "5.55",
      fees: "30.00",
      total: "9105.55",
    });
  });

  it("an amount not broken down counts as principal", () => {
    const r = d(
      [{ dueDate: "2024-03-15", amount: "1000.00", principal: "800.00", interest: "100.00", fees: "50.00" }],
      [],
      "2024-03-16",
    );
    expect(r.overdue).toMatchObject({ principal: "850.00", interest: "100.00", fees: "50.00", total: "1000.00" });
  });

  it("uses the currency's minor unit", () => {
    const a = parseAccount({
      ...base,
      currency: "JPY",
      dues: [{ dueDate: "2024-03-15", amount: "12000" }],
      payments: [{ date: "2024-03-16", amount: 2000 }],
    });
    expect(deriveDelinquency(a, { asOf: "2024-03-20" }).overdue.total).toBe("10000");
    const k = parseAccount({
      ...base,
      currency: "KWD",
      dues: [{ dueDate: "2024-03-15", amount: "1.5" }],
      payments: [],
    });
    expect(deriveDelinquency(k, { asOf: "2024-03-20" }).overdue.total).toBe("1.500");
  });
});

describe("snapshots", () => {
  const snapAcct = (delinquency: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    parseAccount({
      ...base,
      product: "revolving",
      balance: { principal: "3000.00", penaltyInterest: "20.00" },
      delinquency,
      ...extra,
    });

  it("ages a positive DPD by the calendar days since the snapshot", () => {
    const a = snapAcct({ dpd: 10, asOf: "2024-04-10", overdue: "500.00", cycleHistory: [1, 0, 0] });
    const r = deriveDelinquency(a, { asOf: "2024-04-25" });
    expect(r.dpd).toBe(25);
    expect(r.source).toBe("snapshot");
    expect(r.oldestUnpaidDueDate).toBeNull();
    expect(r.overdue).toEqual({
      principal: "0.00",
      interest: "0.00",
      penaltyInterest: "0.00",
      fees: "0.00",
      total: "500.00",
    });
    expect(r.overdueComponentsKnown).toBe(false);
    expect(r.outstanding.total).toBe("3020.00");
    expect(r.cycleHistory).toEqual([1, 0, 0]);
    expect(r.cleanCyclesBeforeDelinquency).toBe(2);
    expect(r.firstDelinquency).toBe(true);
    // Same day: as reported. Earlier than the snapshot: never un-aged.
    expect(deriveDelinquency(a, { asOf: "2024-04-10" }).dpd).toBe(10);
    expect(deriveDelinquency(a, { asOf: "2024-04-01" }).dpd).toBe(10);
  });

  it("does not age a current account; without snapshot asOf the DPD is taken as of the evaluation date", () => {
    expect(deriveDelinquency(snapAcct({ dpd: 0, asOf: "2024-04-10", overdue: "0" }), { asOf: "2024-06-01" }).dpd).toBe(
      0,
    );
    expect(deriveDelinquency(snapAcct({ dpd: 33, overdue: "10" }), { asOf: "2024-06-01" }).dpd).toBe(33);
  });

  it("overdue by component, outstanding override, history month 0 raised to the current status", () => {
    const a = snapAcct({
      dpd: 40,
      asOf: "2024-04-10",
      overdue: { principal: "400.00", interest: "30.00", penaltyInterest: "5.00" },
      outstanding: "3100.00",
      cycleHistory: [1, 0, 2, 0],
    });
    const r = deriveDelinquency(a, { asOf: "2024-04-10", scheme: "us-cycle" });
    expect(r.overdue).toEqual({
      principal: "400.00",
      interest: "30.00",
      penaltyInterest: "5.00",
      fees: "0.00",
      total: "435.00",
    });
    expect(r.overdueComponentsKnown).toBe(true);
    expect(r.outstanding).toEqual({
      principal: "3000.00",
      interest: "0.00",
      penaltyInterest: "20.00",
      fees: "0.00",
      total: "3100.00",
    });
    expect(r.cycleHistory).toEqual([2, 0, 2, 0]);
    expect(r.bucket).toBe("30-59");
    expect(r.cyclesDelinquent12m).toBe(2);
    expect(r.worstCycle12m).toBe(2);
    expect(r.cleanCyclesBeforeDelinquency).toBe(1);
    expect(r.firstDelinquency).toBe(false);
  });

  it("revolving charge-off at 180 under us-cycle, after aging", () => {
    const a = snapAcct({ dpd: 170, asOf: "2024-04-10", overdue: "900" });
    expect(deriveDelinquency(a, { asOf: "2024-04-19", scheme: "us-cycle" }).chargeOffDue).toBe(false);
    const r = deriveDelinquency(a, { asOf: "2024-04-20", scheme: "us-cycle" });
    expect(r).toMatchObject({ dpd: 180, bucket: "180+", chargeOffDue: true, cycleHistory: [7] });
  });

  it("dues win over a snapshot that agrees with them", () => {
    const a = acct(MAR_APR, [], { delinquency: { dpd: 5, asOf: "2024-03-20", overdue: "1000" } });
    const r = deriveDelinquency(a, { asOf: "2024-04-20" });
    expect(r.source).toBe("dues");
    expect(r.dpd).toBe(36);
  });
});

describe("options and inputs", () => {
  it("the evaluation date is the borrower's local date of asOf", () => {
    // 20:00 UTC on Apr 19 is 04:00 on Apr 20 in Shanghai.
    const r = d(MAR_APR, [], "2024-04-19T20:00:00Z");
    expect(r.asOfDate).toBe("2024-04-20");
    expect(r.dpd).toBe(36);
    const ny = parseAccount({ ...base, timeZone: "America/New_York", dues: MAR_APR, payments: [] });
    expect(deriveDelinquency(ny, { asOf: "2024-04-20T02:00:00Z" }).asOfDate).toBe("2024-04-19");
    expect(deriveDelinquency(ny, { asOf: "2024-04-20T02:00:00Z" }).dpd).toBe(35);
  });

  it("accepts raw JSON accounts and rejects invalid ones", () => {
    const raw = { ...base, dues: MAR_APR, payments: [] };
    expect(deriveDelinquency(raw, { asOf: "2024-04-20" }).dpd).toBe(36);
    const e = thrown(() =>
      deriveDelinquency({ ...raw, dues: [{ dueDate: "2024-02-30", amount: "1" }] }, { asOf: "2024-04-20" }),
    );
    expect(e.code).toBe("INVALID_ACCOUNT");
    expect(formatPath(e.issues[0]!.path)).toBe("dues[0].dueDate");
  });

  it("accepts a scheme by id, compiled or as JSON", () => {
    const a = acct(MAR_APR, []);
    expect(deriveDelinquency(a, { asOf: "2024-04-20", scheme: "cn-five-category" }).bucket).toBe("关注");
    expect(deriveDelinquency(a, { asOf: "2024-04-20", scheme: BUCKET_SCHEMES["us-cycle"] }).bucket).toBe("30-59");
    const json = {
      schemaVersion: 1,
      id: "two",
      version: "1",
      description: "x",
      source: "y",
      ranges: [
        { label: "ok", min: 0, max: 0 },
        { label: "late", min: 1 },
      ],
    };
    expect(deriveDelinquency(a, { asOf: "2024-04-20", scheme: json })).toMatchObject({
      bucket: "late",
      bucketIndex: 1,
      scheme: "two",
    });
    expect(loadBucketScheme(json).id).toBe("two");
  });

  const badOptions: [string, unknown, string][] = [
    ["missing asOf", {}, "asOf"],
    ["a bad asOf", { asOf: "2024-13-01" }, "asOf"],
    ["an instant without offset", { asOf: "2024-04-20T10:00:00" }, "asOf"],
    ["negative grace", { asOf: "2024-04-20", graceDays: -1 }, "graceDays"],
    ["fractional grace", { asOf: "2024-04-20", graceDays: 1.5 }, "graceDays"],
    ["negative tolerance", { asOf: "2024-04-20", tolerance: "-1" }, "tolerance"],
    ["NaN tolerance", { asOf: "2024-04-20", tolerance: Number.NaN }, "tolerance"],
    ["an unknown option", { asOf: "2024-04-20", tolerence: "1" }, "tolerence"],
  ];
  it.each(badOptions)("rejects %s with INVALID_OPTIONS", (_n, options, path) => {
    const e = thrown(() => deriveDelinquency(acct(MAR_APR), options as never));
    expect(e.code).toBe("INVALID_OPTIONS");
    expect(e.issues.map((i) => formatPath(i.path))).toContain(path);
  });

  it("rejects non-object options and bad schemes", () => {
    expect(thrown(() => deriveDelinquency(acct(MAR_APR), null as never)).code).toBe("INVALID_OPTIONS");
    expect(thrown(() => deriveDelinquency(acct(MAR_APR), { asOf: "2024-04-20", scheme: "m-buckets" })).code).toBe(
      "INVALID_INPUT",
    );
    expect(thrown(() => deriveDelinquency(acct(MAR_APR), { asOf: "2024-04-20", scheme: { id: "x" } })).code).toBe(
      "INVALID_BUCKET_SCHEME",
    );
  });

  it("huge balances become an ArrearsError, not a RangeError", () => {
    // The account schema bounds amounts, so the typed error comes from validation.
    const e = thrown(() => acct(MAR_APR, [], { balance: { principal: 1e300 } }));
    expect(e.code).toBe("INVALID_ACCOUNT");
    expect(formatPath(e.issues[0]!.path)).toBe("balance.principal");
  });

  it("returns fresh objects: mutating a result does not leak into the next", () => {
    const a = acct(MAR_APR, []);
    const r1 = deriveDelinquency(a, { asOf: "2024-04-20" });
    r1.outstanding.total = "x";
    r1.cycleHistory.push(9);
    const r2 = deriveDelinquency(a, { asOf: "2024-04-20" });
    expect(r2.outstanding.total).toBe("0.00");
    expect(r2.cycleHistory).toEqual([2, 1, 0, 0]);
  });

  it("agrees with dpdFromDues (used by the account schema's snapshot cross-check)", () => {
    const pays = [{ date: "2024-03-20", amount: "600.00" }];
    expect(dpdFromDues(MAR_APR, pays, "CNY", parseIsoDate("2024-04-20"))).toBe(d(MAR_APR, pays, "2024-04-20").dpd);
  });
});
