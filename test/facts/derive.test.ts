import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FACT_NAMES } from "../../src/facts/index.js";
import { type AccountInput, ArrearsError, deriveFacts, FACTS, type Facts, parseAccount } from "../../src/index.js";
import { corruptAt } from "../helpers.js";
import { accountArb } from "./arbitrary.js";

const ASOF = "2026-11-23T10:00:00+08:00";

const installment: AccountInput = {
  id: "A1",
  product: "installment",
  currency: "CNY",
  jurisdiction: "CN",
  openedOn: "2026-01-01",
  timeZone: "Asia/Shanghai",
  balance: { principal: "9000.00", interest: "100.00", penaltyInterest: "12.50", fees: "30.00" },
  dues: [
    { dueDate: "2026-09-15", amount: "1000.00" },
    { dueDate: "2026-10-15", amount: "1000.00" },
    { dueDate: "2026-11-15", amount: "1000.00" },
    { dueDate: "2026-12-15", amount: "1000.00" },
  ],
  payments: [
    { date: "2026-09-15", amount: "1000.00" },
    { date: "2026-10-20", amount: "400.00" },
    { date: "2026-11-24", amount: "999.00" }, // after asOf: ignored
  ],
  borrower: {
    monthlyIncome: "8000.00",
    monthlyObligations: "1000.00",
    doNotContact: ["sms"],
    hardship: [
      { kind: "medical", reportedOn: "2026-11-01" },
      { kind: "unemployment", reportedOn: "2026-10-01", until: "2026-10-31" },
    ],
  },
  contacts: [
    { at: "2026-11-22T23:30:00Z", channel: "call", outcome: "no_answer" },
    {
      at: "2026-11-20T10:00:00+08:00",
      channel: "call",
      outcome: "promise_to_pay",
      promise: { amount: "500.00", dueDate: "2026-11-25" },
    },
    { at: "2026-11-21T09:00:00+08:00", channel: "sms", outcome: "delivered" },
    { at: "2026-11-10T11:00:00+08:00", channel: "letter", outcome: "delivered", purpose: "visit_notice" },
    {
      at: "2026-10-01T10:00:00+08:00",
      channel: "call",
      outcome: "promise_to_pay",
      promise: { amount: "600.00", dueDate: "2026-10-18" },
    },
    { at: "2026-11-23T10:30:00+08:00", channel: "call", outcome: "dispute" }, // after asOf: ignored
  ],
};

const revolving: AccountInput = {
  id: "R1",
  product: "revolving",
  currency: "USD",
  jurisdiction: "US-NY",
  openedOn: "2025-05-01",
  timeZone: "America/New_York",
  creditLimit: "10000.00",
  balance: { principal: "8500.00", interest: "400.00", penaltyInterest: "0", fees: "112.50" },
  dues: [
    { dueDate: "2026-09-25", amount: "250.00" },
    { dueDate: "2026-10-25", amount: "260.00" },
  ],
  payments: [{ date: "2026-09-25", amount: "250.00" }],
  borrower: { flags: { breathingSpaceFrom: "2026-11-01" } },
  contacts: [],
};

const snapshot: AccountInput = {
  id: "S1",
  product: "installment",
  currency: "JPY",
  openedOn: "2024-01-01",
  timeZone: "Asia/Tokyo",
  balance: { principal: "500000" },
  delinquency: { dpd: 45, asOf: "2026-11-20", overdue: "60000", cycleHistory: [2, 1, 0, 0, 1] },
  payments: [{ date: "2026-11-01", amount: "1000" }],
  borrower: { flags: { deceased: true, disputed: true } },
};

function expectCatalogueShape(f: Facts): void {
  expect(Object.keys(f)).toEqual(FACTS.map((d) => d.name));
  for (const d of FACTS) {
    const v = f[d.name];
    expect(v, d.name).not.toBeUndefined();
    if (v === null) {
      expect(d.nullable, `${d.name} is null but not nullable`).toBe(true);
      continue;
    }
    expect(typeof v, d.name).toBe(d.type);
    if (typeof v === "number") expect(Number.isFinite(v), d.name).toBe(true);
    if (d.values && typeof v === "string") expect(d.values, d.name).toContain(v);
  }
}

describe("deriveFacts", () => {
  it("returns every catalogue fact with its declared type for installment, revolving and snapshot accounts", () => {
    for (const a of [installment, revolving, snapshot]) expectCatalogueShape(deriveFacts(a, { asOf: ASOF }));
  });

  it("computes an installment account's facts (hand-checked)", () => {
    const f = deriveFacts(installment, { asOf: ASOF });
    expect(f).toMatchObject({
      accountId: "A1",
      accountAgeDays: 326, // 2026-01-01 → 2026-11-23
      asOfLocalHour: 10,
      asOfLocalWeekday: 1, // Monday
      dpd: 39, // 2026-10-15 → 2026-11-23, 600.00 of it unpaid
      bucket: "M2",
      overduePrincipal: 1600,
      outstandingAmount: 9142.5,
      principalBalance: 9000,
      interestBalance: 100,
      penaltyInterestBalance: 12.5,
      feesBalance: 30,
      creditLimit: null,
      utilization: null,
      monthlyDue: 1000, // the 2026-11-15 due
      daysSinceLastPayment: 34,
      lastPaymentAmount: 400,
      paymentsCount90d: 2, // 09-15 and 10-20 (window 2026-08-26 … 2026-11-23)
      paidAmount90d: 1400,
      paymentRatio90d: 0.4667, // 1400 / 3000
      partialPayments90d: 1, // 400 against 1000 in arrears
      callAttemptsToday: 1, // 23:30Z = 07:30 Shanghai
      callAttempts7d: 2,
      callAttempts30d: 2,
      smsSent7d: 1,
      lettersSent30d: 1,
      contactAttempts7d: 3,
      rightPartyContacts30d: 1,
      rightPartyContactsToday: 0,
      daysSinceRightPartyContact: 3,
      daysSinceLastContact: 0,
      daysSinceLastLetter: 13,
      daysSinceVisitNotice: 13,
      consecutiveFailedAttempts: 1,
      unreachable: false,
      disputes90d: 0, // the dispute is after asOf
      disputed: false,
      bestChannel: "call",
      bestContactHour: 10,
      activePromise: true,
      activePromiseAmount: 500,
      activePromiseRemaining: 500,
      activePromiseDueInDays: 2,
      promisesMade90d: 2,
      promisesKept90d: 0,
      promisesPartiallyKept90d: 1, // 400 of 600 by 2026-10-20
      promisesBroken90d: 0,
      smsOptOut: true,
      callOptOut: false,
      hardshipReported: true,
      hardshipKind: "medical",
      daysSinceHardshipReported: 22,
      monthlyIncome: 8000,
      debtServiceRatio: 0.25, // (1000 + 1000) / 8000
      onHold: false,
      holdReason: null,
      riskScore: null,
      segment: null,
    });
  });

  it("computes revolving facts: utilization, breathing space hold", () => {
    const f = deriveFacts(revolving, { asOf: "2026-11-23T09:00:00-05:00" });
    expect(f.creditLimit).toBe(10000);
    expect(f.outstandingAmount).toBe(9012.5);
    expect(f.utilization).toBe(0.9013); // 0.90125 rounded half up
    expect(f.breathingSpace).toBe(true); // 60 days from 2026-11-01
    expect(f.onHold).toBe(true);
    expect(f.holdReason).toBe("breathingSpace");
    expect(f.monthlyDue).toBe(260);
    expect(f.debtServiceRatio).toBeNull();
    expect(deriveFacts(revolving, { asOf: "2026-12-31T09:00:00-05:00" }).breathingSpace).toBe(false);
    expect(deriveFacts(revolving, { asOf: "2026-12-30T09:00:00-05:00" }).breathingSpace).toBe(true);
  });

  it("computes snapshot facts: aged DPD, holds in order, no dues-based facts", () => {
    const f = deriveFacts(snapshot, { asOf: "2026-11-23T12:00:00+09:00" });
    expect(f.dpd).toBe(48);
    expect(f.overdueAmount).toBe(60000);
    expect(f.monthlyDue).toBeNull();
    expect(f.paymentRatio90d).toBeNull();
    expect(f.partialPayments90d).toBe(0);
    expect(f.lastPaymentAmount).toBe(1000);
    expect(f.holdReason).toBe("deceased");
    expect(f.disputed).toBe(true);
  });

  it("a dispute contact opens a dispute that holds until verification is sent (it never lapses on its own)", () => {
    const a = {
      ...installment,
      contacts: [{ at: "2026-10-25T10:00:00+08:00", channel: "call", outcome: "dispute" }],
    } as AccountInput;
    expect(deriveFacts(a, { asOf: ASOF })).toMatchObject({
      disputed: true,
      onHold: true,
      holdReason: "disputed",
      disputes90d: 1,
    });
    const old = {
      ...installment,
      contacts: [{ at: "2026-08-24T10:00:00+08:00", channel: "call", outcome: "dispute" }],
    } as AccountInput;
    expect(deriveFacts(old, { asOf: ASOF })).toMatchObject({
      disputed: true,
      holdReason: "disputed",
      holdReviewInDays: null,
    });
    const verified = { ...old, events: [{ type: "verification_sent", on: "2026-09-10" }] } as AccountInput;
    expect(deriveFacts(verified, { asOf: ASOF })).toMatchObject({ disputed: false, onHold: false, disputes90d: 0 });
  });

  it("passes scheme, grace, tolerance and promise grace through", () => {
    const f = deriveFacts(installment, { asOf: ASOF, scheme: "us-cycle", graceDays: 40, promiseGraceDays: 0 });
    expect(f.bucket).not.toBe("M2");
    expect(f.inGrace).toBe(true);
    // With a tolerance of 1600 the 1000 in arrears at the 400 payment is ignored: not partial.
    const tol = deriveFacts(installment, { asOf: ASOF, tolerance: "1600.00" });
    expect(tol.partialPayments90d).toBe(0);
  });

  it("is byte-identical for the same input, parsed or raw", () => {
    const parsed = parseAccount(installment);
    const a = JSON.stringify(deriveFacts(installment, { asOf: ASOF }));
    expect(JSON.stringify(deriveFacts(parsed, { asOf: ASOF }))).toBe(a);
    expect(JSON.stringify(deriveFacts(parsed, { asOf: ASOF }))).toBe(a);
  });

  it("accepts an ISO date as asOf (end of that local day)", () => {
    const f = deriveFacts(installment, { asOf: "2026-11-23" });
    expect(f.asOfLocalHour).toBe(23);
    expect(f.disputes90d).toBe(1); // the 10:30 dispute is now before asOf
    expect(f.dpd).toBe(39);
  });

  it("rejects bad options with INVALID_OPTIONS and the option's path", () => {
    const bad: [unknown, (string | number)[]][] = [
      [{ asOf: "2026-11-23T10:00:00" }, ["asOf"]],
      [{ asOf: 20261123 }, ["asOf"]],
      [{ asOf: ASOF, graceDays: -1 }, ["graceDays"]],
      [{ asOf: ASOF, promiseGraceDays: 1.5 }, ["promiseGraceDays"]],
      [{ asOf: ASOF, tolerance: "-1" }, ["tolerance"]],
      [{ asOf: ASOF, colour: "red" }, ["colour"]],
      [{ asOf: ASOF, unreachable: { failedAttempts: 0 } }, ["unreachable", "failedAttempts"]],
    ];
    for (const [opts, path] of bad) {
      try {
        deriveFacts(installment, opts as never);
        expect.fail(`accepted ${JSON.stringify(opts)}`);
      } catch (e) {
        expect(e, JSON.stringify(opts)).toBeInstanceOf(ArrearsError);
        expect((e as ArrearsError).code).toBe("INVALID_OPTIONS");
        expect((e as ArrearsError).issues.map((i) => i.path)).toContainEqual(path);
      }
    }
    expect(() => deriveFacts(installment, undefined as never)).toThrow(ArrearsError);
  });

  it("rejects a malformed account with INVALID_ACCOUNT", () => {
    try {
      deriveFacts({ ...installment, payments: [{ date: "2026-13-01", amount: "1" }] }, { asOf: ASOF });
      expect.fail("accepted");
    } catch (e) {
      expect((e as ArrearsError).code).toBe("INVALID_ACCOUNT");
      expect((e as ArrearsError).issues[0]!.path).toEqual(["payments", 0, "date"]);
    }
  });
});

const COUNT_FACTS = FACTS.filter(
  (d) =>
    d.type === "number" &&
    /(Count|count|Attempts|Contacts|Sent|visits|^promises|refusals|disputes|complaints|^cycles|^dpd$|^daysSince|partialPayments|worstCycle|cleanCycles)/.test(
      d.name,
    ),
).map((d) => d.name);

describe("deriveFacts properties", () => {
  it("any valid account gives every fact, JSON-safe, finite, counts never negative", () => {
    expect(COUNT_FACTS.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(accountArb, ({ account, asOf }) => {
        const f = deriveFacts(account, { asOf });
        expectCatalogueShape(f);
        expect(JSON.parse(JSON.stringify(f))).toEqual(f);
        for (const name of COUNT_FACTS) if (f[name] !== null) expect(f[name] as number, name).toBeGreaterThanOrEqual(0);
        expect(FACT_NAMES.size).toBe(Object.keys(f).length);
        if (f.bestContactHour !== null) expect(f.bestContactHour).toBeLessThan(24);
        expect(f.callAttemptsToday).toBeLessThanOrEqual(f.callAttempts7d as number);
        expect(f.callAttempts7d).toBeLessThanOrEqual(f.callAttempts30d as number);
        expect(
          (f.promisesKept90d as number) + (f.promisesPartiallyKept90d as number) + (f.promisesBroken90d as number),
        ).toBeLessThanOrEqual(f.promisesMade90d as number);
      }),
      { numRuns: 150 },
    );
  });

  it("contacts after asOf never change the facts", () => {
    fc.assert(
      fc.property(
        accountArb,
        fc.array(
          fc.record({
            later: fc.integer({ min: 1, max: 30 * 1440 }),
            outcome: fc.constantFrom("right_party", "no_answer", "dispute", "promise_to_pay"),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        ({ account, asOf, asOfMs }, extra) => {
          // A plain-date asOf ends with that local day: two UTC days later is after it everywhere.
          const after = asOf.length === 10 ? (Math.floor(asOfMs / 86_400_000) + 2) * 86_400_000 : asOfMs + 1;
          const contacts = [...(account.contacts ?? [])];
          for (const e of extra) {
            const at = new Date(after + (e.later - 1) * 60_000).toISOString();
            contacts.push({
              at,
              channel: "call",
              outcome: e.outcome,
              ...(e.outcome === "promise_to_pay" ? { promise: { amount: "1", dueDate: at.slice(0, 10) } } : {}),
            } as never);
          }
          const before = deriveFacts(account, { asOf });
          expect(deriveFacts({ ...account, contacts }, { asOf })).toEqual(before);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a randomly corrupted account gives an ArrearsError (or, if still valid, facts), never a crash", () => {
    // Out-of-range amounts have their own test below.
    const corruptions: unknown[] = [null, Number.NaN, -1, "", "x", {}, [], true, 1e309, "2026-02-30", { a: 1 }];
    fc.assert(
      fc.property(accountArb, fc.nat(), fc.constantFrom(...corruptions), ({ account, asOf }, pick, bad) => {
        const a = JSON.parse(JSON.stringify(account)) as Record<string, unknown>;
        const { path } = corruptAt(a, pick, bad);
        try {
          expectCatalogueShape(deriveFacts(a, { asOf }));
        } catch (e) {
          if (!(e instanceof ArrearsError)) throw new Error(`${path.join(".")} = ${String(bad)}: ${String(e)}`);
          expect(e.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("amounts too large for exact minor units give an ArrearsError naming the field", () => {
    const huge = "9".repeat(30);
    const cases: [AccountInput, (string | number)[]][] = [
      [{ ...installment, payments: [{ date: "2026-10-01", amount: huge }] }, ["payments", 0, "amount"]],
      [{ ...installment, borrower: { monthlyIncome: huge } }, ["borrower", "monthlyIncome"]],
      [{ ...revolving, creditLimit: huge }, ["creditLimit"]],
      [
        {
          ...installment,
          contacts: [
            {
              at: "2026-11-20T10:00:00+08:00",
              channel: "call",
              outcome: "promise_to_pay",
              promise: { amount: huge, dueDate: "2026-11-25" },
            },
          ],
        },
        ["contacts", 0, "promise", "amount"],
      ],
    ];
    for (const [a, path] of cases) {
      try {
        deriveFacts(a, { asOf: ASOF });
        expect.fail(`accepted ${path.join(".")}`);
      } catch (e) {
        expect(e, path.join(".")).toBeInstanceOf(ArrearsError);
        expect((e as ArrearsError).issues[0]!.path).toEqual(path);
      }
    }
  });

  it("the order of contacts, payments and dues in the input never changes the facts", () => {
    fc.assert(
      fc.property(accountArb, fc.integer({ min: 1, max: 1_000_000 }), ({ account, asOf }, seed) => {
        let x = seed;
        const shuffle = <T>(arr: readonly T[] | undefined): T[] | undefined => {
          if (!arr) return undefined;
          const out = [...arr];
          for (let i = out.length - 1; i > 0; i--) {
            x = (x * 1103515245 + 12345) % 2147483648;
            const j = x % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const shuffled = {
          ...account,
          contacts: shuffle(account.contacts),
          payments: shuffle(account.payments),
          ...(account.dues ? { dues: shuffle(account.dues) } : {}),
        };
        const a = deriveFacts(account, { asOf });
        const b = deriveFacts(shuffled as AccountInput, { asOf });
        // Contacts at the same instant keep their input order (documented tie rule): skip those.
        const sameInstants =
          new Set((account.contacts ?? []).map((c) => Date.parse(c.at))).size !== (account.contacts ?? []).length;
        if (!sameInstants) expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
