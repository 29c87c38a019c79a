import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  loadReageRules,
  type ReageRulesJson,
  reageEligibility,
  shippedReageRules,
  testReageRules,
} from "../../src/arrangements/index.js";
import { type AccountInput, parseAccount } from "../../src/model/index.js";
import { addMonthsToDay, formatIsoDate, parseIsoDate } from "../../src/time/index.js";
import { thrownArrearsError as errorOf } from "../helpers.js";
import { ASOF_CN, cnPlan } from "./fixtures.js";

describe("shipped re-age rule files", () => {
  for (const id of Object.keys(shippedReageRules)) {
    it(`${id}: valid, versioned, sourced, and its embedded tests pass`, () => {
      const r = loadReageRules(shippedReageRules[id as keyof typeof shippedReageRules]);
      expect(r.version).toBe("1.0.0");
      expect(r.source.length).toBeGreaterThan(20);
      expect(r.tests.length).toBeGreaterThan(1);
      for (const t of testReageRules(id)) expect(t.failures, t.name).toEqual([]);
    });
  }

  it("the FFIEC file carries the FFIEC numbers and the primary source", () => {
    const r = loadReageRules(shippedReageRules["us-ffiec-open-end"]);
    expect(r).toMatchObject({
      basis: "regulation",
      products: ["revolving"],
      minAccountAgeMonths: 9,
      minConsecutivePayments: 3,
      allowCumulativeEquivalent: true,
      maxReages: [
        { count: 1, years: 1 },
        { count: 2, years: 5 },
      ],
    });
    expect(r.source).toBe(
      "FFIEC Uniform Retail Credit Classification and Account Management Policy (65 FR 36903, June 12, 2000)",
    );
    for (const id of ["cn-policy", "uk-policy"] as const) {
      const p = loadReageRules(shippedReageRules[id]);
      expect(p.basis).toBe("lender_policy");
      expect(p.description).toMatch(/policy choice/);
    }
  });
});

describe("reageEligibility", () => {
  const plan = cnPlan(
    ["2026-08-10", "2026-09-09", "2026-10-10", "2026-11-10"].map((date) => ({ date, amount: "1500.00" })),
  );

  it("explains every check, the DPD today and after the re-age", () => {
    const r = reageEligibility(plan, { asOf: ASOF_CN, rules: "cn-policy" });
    expect(r.eligible).toBe(true);
    expect(r.checks.map((c) => [c.code, c.met])).toEqual([
      ["jurisdiction", true],
      ["product", true],
      ["delinquent", true],
      ["account_age", true],
      ["qualifying_payments", true],
      ["arrangement", true],
      ["frequency", true],
    ]);
    expect(r.qualifyingPayments).toMatchObject({ basis: "arrangement", total: "4500.00" });
    expect(r.current).toEqual({ dpd: 34, bucket: "M2", oldestUnpaidDueDate: "2026-10-20" });
    expect(r.afterReage).toMatchObject({ dpd: 0, bucket: "M0" });
    expect(r.afterReage!.explanation).toContain("4320.00 CNY");
    expect(r.reages).toEqual({
      dates: [],
      windows: [
        { count: 1, years: 1, used: 0, remaining: 1 },
        { count: 2, years: 5, used: 0, remaining: 2 },
      ],
    });
    expect(r.earliestOn).toBeNull();
  });

  it("a current account is not re-aged; another jurisdiction's rules do not apply", () => {
    const paid = { ...plan, payments: plan.dues!.map((d) => ({ date: d.dueDate, amount: "2000.00" })) };
    expect(reageEligibility(paid, { asOf: ASOF_CN, rules: "cn-policy" }).failed).toContain("delinquent");
    expect(reageEligibility(plan, { asOf: ASOF_CN, rules: "uk-policy" }).failed).toEqual([
      "jurisdiction",
      "qualifying_payments",
    ]);
  });

  it("warns when dues still show arrears from before a re-age on record", () => {
    const r = reageEligibility(
      { ...plan, events: [{ type: "reaged", on: "2026-11-01" }] },
      { asOf: ASOF_CN, rules: "cn-policy" },
    );
    expect(r.failed).toEqual(["frequency"]);
    expect(r.earliestOn).toBe("2027-11-01");
    expect(r.warnings[0]).toContain("re-aged on 2026-11-01");
  });

  it("re-ages dated after asOf are not on record yet", () => {
    const r = reageEligibility(
      { ...plan, events: [{ type: "reaged", on: "2026-12-01" }] },
      { asOf: ASOF_CN, rules: "cn-policy" },
    );
    expect(r.eligible).toBe(true);
    expect(r.reages.dates).toEqual([]);
  });

  it("rejects bad rules and options with paths", () => {
    const good = structuredClone(shippedReageRules["cn-policy"]) as ReageRulesJson;
    expect(errorOf(() => loadReageRules({ ...good, maxReages: [{ count: 1, years: 0 }] })).issues[0]!.path).toEqual([
      "maxReages",
      0,
      "years",
    ]);
    expect(
      errorOf(() =>
        loadReageRules({
          ...good,
          maxReages: [
            { count: 1, years: 1 },
            { count: 2, years: 1 },
          ],
        }),
      ).issues[0]!.path,
    ).toEqual(["maxReages", 1, "years"]);
    expect(errorOf(() => loadReageRules({ ...good, minDpd: 30, maxDpd: 10 })).issues[0]!.path).toEqual(["maxDpd"]);
    expect(errorOf(() => loadReageRules({ ...good, bucketScheme: "nope" })).issues[0]!.path).toEqual(["bucketScheme"]);
    expect(errorOf(() => reageEligibility(plan, { asOf: ASOF_CN, rules: "ffiec" })).code).toBe("INVALID_INPUT");
    expect(errorOf(() => reageEligibility(plan, { asOf: ASOF_CN, rules: "cn-policy", rule: 1 } as never)).code).toBe(
      "INVALID_OPTIONS",
    );
  });
});

describe("re-aging never exceeds its limits", () => {
  // A delinquent revolving account old enough, whose payments always qualify (no payment test):
  // re-age it every time it is eligible, day by day, and check every window afterwards.
  const limitsArb = fc.uniqueArray(
    fc.record({ count: fc.integer({ min: 1, max: 3 }), years: fc.integer({ min: 1, max: 6 }) }),
    { minLength: 1, maxLength: 3, selector: (l) => l.years },
  );

  it("re-aging whenever eligible keeps every window within its count; eligibility implies every limit", () => {
    fc.assert(
      fc.property(
        limitsArb,
        fc.integer({ min: 0, max: 24 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 3 }),
        fc.integer({ min: 3, max: 40 }),
        (maxReages, minAge, prior, step) => {
          const rules = loadReageRules({
            schemaVersion: 1,
            id: "prop",
            version: "1",
            description: "property",
            source: "test",
            basis: "lender_policy",
            products: ["revolving"],
            minAccountAgeMonths: minAge,
            maxReages,
          });
          const opened = parseIsoDate("2015-01-01");
          const events = [...new Set(prior)]
            .sort((x, y) => x - y)
            .map((d) => ({ type: "reaged" as const, on: formatIsoDate(opened + d) }));
          const base: AccountInput = {
            id: "R",
            product: "revolving",
            currency: "USD",
            openedOn: "2015-01-01",
            timeZone: "UTC",
            delinquency: { dpd: 40, overdue: "100.00" },
          };
          // Prior re-ages may already break the limits; only re-ages granted here are judged.
          const granted: number[] = [];
          for (let t = opened + 3000; t < opened + 3000 + 8 * 365; t += step) {
            const all = [...events, ...granted.map((d) => ({ type: "reaged" as const, on: formatIsoDate(d) }))];
            const r = reageEligibility({ ...base, events: all }, { asOf: formatIsoDate(t), rules });
            const onRecord = all.map((e) => parseIsoDate(e.on)).filter((d) => d <= t);
            const age = addMonthsToDay(opened, minAge) <= t;
            const within = maxReages.every(
              (l) => onRecord.filter((d) => d > addMonthsToDay(t, -12 * l.years)).length + 1 <= l.count,
            );
            expect(r.eligible).toBe(age && within);
            if (r.eligible) granted.push(t);
            else if (r.earliestOn !== null) expect(parseIsoDate(r.earliestOn)).toBeGreaterThan(t);
          }
          // Every window ending on any day holds at most `count` of the re-ages granted here.
          for (const l of maxReages)
            for (const end of granted) {
              const n = granted.filter((d) => d <= end && d > addMonthsToDay(end, -12 * l.years)).length;
              expect(n).toBeLessThanOrEqual(l.count);
            }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the earliest day named is the day the limits allow again", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 5 }), (ago, years) => {
        const asOf = parseIsoDate("2026-11-23");
        const account = parseAccount({
          id: "R",
          product: "revolving",
          currency: "USD",
          openedOn: "2015-01-01",
          timeZone: "UTC",
          delinquency: { dpd: 40, overdue: "100.00" },
          events: [{ type: "reaged", on: formatIsoDate(asOf - ago) }],
        });
        const rules = {
          schemaVersion: 1 as const,
          id: "p",
          version: "1",
          description: "d",
          source: "s",
          basis: "lender_policy" as const,
          products: ["revolving" as const],
          maxReages: [{ count: 1, years }],
        };
        const r = reageEligibility(account, { asOf: formatIsoDate(asOf), rules });
        if (r.eligible) return;
        const e = parseIsoDate(r.earliestOn!);
        expect(reageEligibility(account, { asOf: formatIsoDate(e), rules }).eligible).toBe(true);
        expect(reageEligibility(account, { asOf: formatIsoDate(e - 1), rules }).eligible).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
