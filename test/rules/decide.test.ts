import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateAccount, rng } from "../../bench/accounts.js";
import { getGuardrailProfile } from "../../src/guardrails/index.js";
import {
  type AccountInput,
  ArrearsError,
  checkContact,
  decide,
  loadPolicy,
  parseAccount,
  shippedRuleFile,
} from "../../src/index.js";

const defaultPolicy = shippedRuleFile("policies", "us-default");

const policy = loadPolicy(defaultPolicy);
const profile = getGuardrailProfile(policy.guardrails[0] as "us-reg-f");

// asOf instants spread over a week and over the day, so windows, caps and quiet periods all bite.
const asOfArb = fc
  .integer({ min: 0, max: 7 * 24 * 4 - 1 })
  .map((q) => new Date(Date.parse("2026-11-20T00:00:00Z") + q * 900_000).toISOString());
const accountArb = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(100_000))
  // US accounts only (the generator's zone cycles by index): this policy decides nothing else.
  .map(([seed, i]) => generateAccount(5 * i + [1, 2, 4][i % 3]!, rng(seed)));

const HOLD_FLAGS = ["disputed", "bankrupt", "deceased", "ceaseContact", "complaintOpen", "legalHold"] as const;

describe("decide", () => {
  it("property: never recommends a contact its guardrail profile forbids at earliestAt", () => {
    fc.assert(
      fc.property(accountArb, asOfArb, (input, asOf) => {
        const account = parseAccount(input);
        const d = decide(policy, account, { asOf, render: false });
        expect(Date.parse(d.action.earliestAt)).toBeGreaterThanOrEqual(Date.parse(asOf));
        if (d.action.contact) {
          const purpose = policy.actions[d.action.type]!.purpose;
          const r = checkContact(profile, account, {
            channel: d.action.channel!,
            at: d.action.earliestAt,
            ...(purpose ? { purpose } : {}),
          });
          expect(r, `${d.action.type} via ${d.action.channel} at ${d.action.earliestAt}`).toMatchObject({
            allowed: true,
          });
        }
        for (const b of d.blocked) expect(b.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it("property: holds always win (no contact action while any hold applies)", () => {
    fc.assert(
      fc.property(accountArb, asOfArb, fc.constantFrom(...HOLD_FLAGS), (input, asOf, flag) => {
        const held: AccountInput = {
          ...input,
          borrower: { ...input.borrower, flags: { ...input.borrower?.flags, [flag]: true } },
        };
        const d = decide(policy, held, { asOf, render: false });
        expect(d.facts.onHold).toBe(true);
        expect(d.action.contact).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("property: deterministic, byte-identical JSON for the same input", () => {
    fc.assert(
      fc.property(accountArb, asOfArb, (input, asOf) => {
        const a = JSON.stringify(decide(policy, input, { asOf }));
        const b = JSON.stringify(decide(policy, structuredClone(input), { asOf }));
        expect(a).toBe(b);
        expect(a).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 100 },
    );
  });

  it("property: malformed accounts give ArrearsError and nothing else", () => {
    const junk = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.string(),
      fc.integer(),
      fc.dictionary(fc.string(), fc.jsonValue()),
    );
    fc.assert(
      fc.property(
        accountArb,
        fc.constantFrom("id", "currency", "timeZone", "dues", "contacts", "balance", "openedOn", "payments"),
        junk,
        (input, key, value) => {
          const bad = { ...input, [key]: value } as unknown;
          try {
            decide(policy, bad as AccountInput, { asOf: "2026-11-23T10:00:00Z" });
          } catch (e) {
            expect(e).toBeInstanceOf(ArrearsError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects bad options and a non-policy with ArrearsError", () => {
    const input = generateAccount(0, rng(1));
    expect(() => decide(policy, input, { asOf: "tomorrow" })).toThrow(ArrearsError);
    expect(() => decide(policy, input, { asOf: "2026-11-23T10:00:00" })).toThrow(/asOf/);
    expect(() => decide({} as never, input, { asOf: "2026-11-23T10:00:00Z" })).toThrow(ArrearsError);
  });

  it("schedules a contact blocked only by the calling window instead of dropping it", () => {
    // 22:30 in New York: outside Reg F hours; the call is scheduled for 08:00 local next morning.
    const account: AccountInput = {
      id: "NY-1",
      product: "installment",
      currency: "USD",
      jurisdiction: "US-NY",
      openedOn: "2025-01-10",
      timeZone: "America/New_York",
      balance: { principal: "2400.00" },
      dues: [
        { dueDate: "2026-09-10", amount: "200.00" },
        { dueDate: "2026-10-10", amount: "200.00" },
        { dueDate: "2026-11-10", amount: "200.00" },
      ],
      payments: [],
    };
    const d = decide(policy, account, { asOf: "2026-11-23T22:30:00-05:00", render: false });
    expect(d.facts.dpd).toBe(74);
    expect(d.action).toMatchObject({ type: "call_borrower", channel: "call", earliestAt: "2026-11-24T13:00:00.000Z" });
    expect(d.blocked).toEqual([]);
    // Without the policy's maxDelayHours the same call is dropped and the ladder falls back.
    const base = defaultPolicy as { options: object };
    const strict = loadPolicy({ ...base, options: { ...base.options, maxDelayHours: 0 } });
    const fallback = decide(strict, account, { asOf: "2026-11-23T22:30:00-05:00", render: false });
    expect(fallback.blocked.map((b) => b.type)).toContain("call_borrower");
    expect(fallback.action.type).not.toBe("call_borrower");
  });

  it("records every blocked candidate and when contact is next lawful when all are blocked", () => {
    const account: AccountInput = {
      id: "OPT-1",
      product: "installment",
      currency: "USD",
      jurisdiction: "US-NY",
      openedOn: "2025-01-10",
      timeZone: "America/Chicago",
      balance: { principal: "2400.00" },
      dues: [{ dueDate: "2026-10-10", amount: "200.00" }],
      payments: [],
      borrower: { doNotContact: ["call", "sms", "email", "letter", "visit", "app"] },
    };
    const d = decide(policy, account, { asOf: "2026-11-23T15:00:00Z", render: false });
    expect(d.action.contact).toBe(false);
    expect(d.blocked.length).toBeGreaterThan(0);
    expect(d.allContactsBlocked).toBe(true);
    expect(d.nextContactAt).toBeNull(); // opt-outs never lapse on their own
    for (const b of d.blocked) expect(b.reasons.map((r) => r.code)).toContain("OPTED_OUT");
  });
});

describe("policy options reach the facts", () => {
  it("the policy's unreachable thresholds decide the unreachable fact", () => {
    const account: AccountInput = {
      id: "SKIP-1",
      product: "installment",
      currency: "USD",
      jurisdiction: "US-NY",
      openedOn: "2025-01-10",
      timeZone: "America/New_York",
      balance: { principal: "2400.00" },
      dues: [{ dueDate: "2026-09-10", amount: "200.00" }],
      payments: [],
      contacts: Array.from({ length: 5 }, (_, i) => ({
        at: `2026-11-1${i}T15:00:00Z`,
        channel: "call" as const,
        outcome: "no_answer" as const,
      })),
    };
    const asOf = "2026-11-23T15:00:00Z";
    expect(decide(policy, account, { asOf, render: false }).facts.unreachable).toBe(false); // default policy: 10 failed attempts
    const base = defaultPolicy as { options: object };
    const eager = loadPolicy({ ...base, options: { ...base.options, unreachable: { failedAttempts: 5 } } });
    expect(decide(eager, account, { asOf, render: false }).facts.unreachable).toBe(true);
  });
});
