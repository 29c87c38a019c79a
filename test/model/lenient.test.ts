/**
 * Lenient parsing (opt-in: `{ lenient: true }` on parseAccount, safeParseAccount, decide and
 * decideMany; strict stays the default): invalid contacts and payments are set aside with
 * warnings instead of rejecting the account, a contact logged as a promise without an amount is
 * kept without its promise, and misspelt account fields get a "did you mean".
 */
import { describe, expect, it } from "vitest";
import {
  ArrearsError,
  decide,
  decideMany,
  isDecisionError,
  loadPolicy,
  parseAccount,
  safeParseAccount,
} from "../../src/index.js";
import { thrownArrearsError } from "../helpers.js";

type Json = Record<string, any>;
const lenientSafeParse = safeParseAccount as (input: unknown, options?: unknown) => Json;
const lenientParse = parseAccount as (input: unknown, options?: unknown) => Json;
const lenientDecide = decide as (policy: unknown, input: unknown, options: unknown) => Json;

const good = {
  id: "L1",
  product: "installment",
  currency: "USD",
  jurisdiction: "US-NY",
  openedOn: "2026-01-01",
  timeZone: "America/New_York",
  balance: { principal: "900.00" },
  dues: [
    { dueDate: "2026-10-10", amount: "100.00" },
    { dueDate: "2026-11-10", amount: "100.00" },
  ],
  payments: [{ date: "2026-10-10", amount: "100.00" }],
  contacts: [{ at: "2026-11-20T15:00:00Z", channel: "call", outcome: "no_answer" }],
} as const;
// A bad payment amount, a payment before openedOn (a cross-check), a contact with a bad instant
// and one with an unknown outcome: each set aside; the good ones stay.
const messy: Json = {
  ...structuredClone(good),
  payments: [
    { date: "2026-10-10", amount: "100.00" },
    { date: "2026-11-01", amount: "-5" },
    { date: "2025-12-01", amount: "10.00" },
  ],
  contacts: [
    { at: "yesterday", channel: "call", outcome: "no_answer" },
    { at: "2026-11-20T15:00:00Z", channel: "call", outcome: "no_answer" },
    { at: "2026-11-21T15:00:00Z", channel: "call", outcome: "ghosted" },
  ],
};
const asOf = "2026-11-23T15:00:00Z";

describe("lenient parsing", () => {
  it("strict stays the default: the messy account is rejected, every problem listed", () => {
    const e = thrownArrearsError(() => parseAccount(messy));
    expect(e.code).toBe("INVALID_ACCOUNT");
    expect(e.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["contacts.0.at", "contacts.2.outcome", "payments.1.amount"]),
    );
    expect(safeParseAccount(messy).success).toBe(false);
  });

  it("safeParseAccount(…, { lenient: true }): the account without the bad items, a warning each", () => {
    const r = lenientSafeParse(messy, { lenient: true });
    expect(r.success).toBe(true);
    expect(r.data.contacts.map((c: Json) => c.at)).toEqual(["2026-11-20T15:00:00Z"]);
    expect(r.data.payments.map((p: Json) => p.date)).toEqual(["2026-10-10"]);
    expect(r.warnings).toEqual([
      { path: ["contacts", 0], message: 'set aside: at: expected an ISO instant with offset, received "yesterday"' },
      { path: ["contacts", 2], message: expect.stringMatching(/^set aside: outcome: .*received "ghosted"$/) },
      { path: ["payments", 1], message: expect.stringMatching(/^set aside: amount: .*received "-5"$/) },
      // Found in a second round: the cross-check runs once the schema errors are gone.
      { path: ["payments", 2], message: 'set aside: date: payment before openedOn 2026-01-01, received "2025-12-01"' },
    ]);
    // A valid account has no warnings.
    expect(lenientSafeParse(good, { lenient: true }).warnings).toEqual([]);
  });

  it("anything but contacts and payments still rejects the account", () => {
    const r = lenientSafeParse({ ...messy, currency: "RMB" }, { lenient: true });
    expect(r.success).toBe(false);
    expect(r.error).toBeInstanceOf(ArrearsError);
    expect(r.error.issues.map((i: Json) => i.path.join("."))).toContain("currency");
    expect(lenientSafeParse({ ...good, contacts: "none" }, { lenient: true }).success).toBe(false);
  });

  it("an input that cannot be read is an invalid account, as in strict parsing, never the caller's exception", () => {
    const getter = { ...structuredClone(good) } as Json;
    Object.defineProperty(getter, "payments", {
      enumerable: true,
      get() {
        throw new Error("the caller's getter");
      },
    });
    const trap = () => {
      throw new Error("the caller's trap");
    };
    const proxy = new Proxy({}, { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, has: trap });
    for (const input of [getter, proxy]) {
      const strict = safeParseAccount(input);
      const r = lenientSafeParse(input, { lenient: true });
      expect(r.success).toBe(false);
      expect(r.error).toBeInstanceOf(ArrearsError);
      expect(r.error.code).toBe("INVALID_ACCOUNT");
      expect(r.error.message).toBe(strict.success ? "" : strict.error.message);
      expect(r.warnings).toEqual([]);
      expect(thrownArrearsError(() => lenientParse(input, { lenient: true })).code).toBe("INVALID_ACCOUNT");
    }
  });

  it("parseAccount(…, { lenient: true }) returns the cleaned account; bad options are INVALID_OPTIONS", () => {
    const a = lenientParse(messy, { lenient: true });
    expect(a.contacts).toHaveLength(1);
    const e = thrownArrearsError(() => lenientParse(good, { lenent: true }));
    expect(e.code).toBe("INVALID_OPTIONS");
    expect(e.message).toContain('did you mean "lenient"?');
  });

  it("decide(…, { lenient: true }) puts the warnings in the decision; strict decisions have none", () => {
    const policy = loadPolicy("us-default");
    expect(thrownArrearsError(() => decide(policy, messy as never, { asOf })).code).toBe("INVALID_ACCOUNT");
    const d = lenientDecide(policy, messy, { asOf, lenient: true });
    expect(d.warnings.map((w: Json) => w.path.join("."))).toEqual([
      "contacts.0",
      "contacts.2",
      "payments.1",
      "payments.2",
    ]);
    // Same decision as on the cleaned account, plus the warnings.
    const clean = { ...messy, contacts: [messy.contacts[1]], payments: [messy.payments[0]] };
    const { warnings, ...rest } = d;
    expect(rest).toEqual(decide(policy, clean as never, { asOf }));
    expect("warnings" in decide(policy, good, { asOf })).toBe(false);
    // An account parsed leniently earlier carries its warnings into the decision.
    const parsed = lenientParse(messy, { lenient: true });
    expect(decide(policy, parsed as never, { asOf }).warnings).toEqual(warnings);
    // decideMany takes decide's options.
    const [item] = [...decideMany(policy, [messy], { asOf, lenient: true } as never)];
    expect(isDecisionError(item!)).toBe(false);
    expect((item as Json).warnings).toHaveLength(4);
  });
});

describe("did you mean, for account fields", () => {
  it('an account with "ballance" is told about "balance"', () => {
    const { balance: _, ...rest } = good;
    const r = safeParseAccount({ ...rest, ballance: { principal: "900.00" } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.message).toContain('ballance: unknown field; did you mean "balance"?');
  });
});

describe("a contact logged as a promise without an amount (lenient)", () => {
  // What a real export holds: the agent picked promise_to_pay and typed only a date, or nothing.
  const promises: Json = {
    ...structuredClone(good),
    contacts: [
      { at: "2026-11-18T15:00:00Z", channel: "call", outcome: "promise_to_pay", promise: { dueDate: "2026-11-25" } },
      { at: "2026-11-19T15:00:00Z", channel: "call", outcome: "promise_to_pay" },
      { at: "2026-11-20T15:00:00Z", channel: "call", outcome: "no_answer" },
      {
        at: "2026-11-21T15:00:00Z",
        channel: "call",
        outcome: "promise_to_pay",
        promise: { amount: "50.00", dueDate: "2026-11-10" },
      },
    ],
  };

  it("strict: rejected (the cross-checks run once the schema errors are fixed)", () => {
    const r = safeParseAccount(promises);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path.join("."))).toEqual(["contacts.0.promise.amount"]);
    const fixed = structuredClone(promises);
    fixed.contacts[0].promise.amount = "50.00";
    const r2 = safeParseAccount(fixed);
    if (!r2.success)
      expect(r2.error.issues.map((i) => i.path.join("."))).toEqual([
        "contacts.1.promise",
        "contacts.3.promise.dueDate",
      ]);
    expect(r2.success).toBe(false);
  });

  it("lenient: every contact is kept, the bad or missing promises are not, a warning each", () => {
    const r = lenientSafeParse(promises, { lenient: true });
    expect(r.success).toBe(true);
    expect(r.data.contacts.map((c: Json) => [c.outcome, c.promise])).toEqual([
      ["promise_to_pay", undefined],
      ["promise_to_pay", undefined],
      ["no_answer", undefined],
      ["promise_to_pay", undefined],
    ]);
    expect(r.warnings).toEqual([
      {
        path: ["contacts", 0, "promise"],
        message: expect.stringMatching(/^promise set aside, the contact is kept: promise\.amount: /),
      },
      {
        path: ["contacts", 1, "promise"],
        message: "promise_to_pay without its promise {amount, dueDate}: the contact is kept, no promise recorded",
      },
      {
        path: ["contacts", 3, "promise"],
        message:
          'promise set aside, the contact is kept: promise.dueDate: promise due before the contact that made it, received "2026-11-10"',
      },
    ]);
  });

  it("a contact with a bad promise and another problem is set aside whole", () => {
    const bad = structuredClone(promises);
    bad.contacts[0].channel = "pigeon";
    const r = lenientSafeParse(bad, { lenient: true });
    expect(r.success).toBe(true);
    expect(r.data.contacts).toHaveLength(3);
    expect(r.warnings[0]).toEqual({ path: ["contacts", 0], message: expect.stringMatching(/^set aside: /) });
  });

  it("the decision counts the contacts (right-party) and carries the warnings; no promise is on record", () => {
    const policy = loadPolicy("us-default");
    const d = lenientDecide(policy, promises, { asOf, lenient: true });
    expect(d.warnings.map((w: Json) => w.path.join("."))).toEqual([
      "contacts.0.promise",
      "contacts.1.promise",
      "contacts.3.promise",
    ]);
    const withoutPromises = {
      ...promises,
      contacts: promises.contacts.map(({ promise: _, ...c }: Json) => c),
    };
    // The same decision as on the contacts without their promises (whose warnings differ).
    const { warnings: _, ...rest } = d;
    const { warnings: __, ...same } = lenientDecide(policy, withoutPromises, { asOf, lenient: true });
    expect(rest).toEqual(same);
    expect(thrownArrearsError(() => decide(policy, promises as never, { asOf })).code).toBe("INVALID_ACCOUNT");
  });
});
