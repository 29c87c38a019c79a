import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, type LenderDetails, type MessageDecision, renderMessage } from "../../src/index.js";
import { getTemplate, TEMPLATES } from "../../src/messages/index.js";
import { minorDigits } from "../../src/money/index.js";
import { formatIsoDate } from "../../src/time/index.js";

const CURRENCIES = ["CNY", "USD", "JPY", "KWD", "EUR", "GBP"] as const;
const LOCALES = ["zh-CN", "en-US", "en-GB", "zh-TW", "fr-FR", "de", undefined] as const;

const amount = (currency: string) =>
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 10 ** 4 - 1 })).map(([i, f]) => {
    const digits = minorDigits(currency);
    return digits === 0 ? String(i) : `${i}.${String(f % 10 ** digits).padStart(digits, "0")}`;
  });
const isoDate = fc.integer({ min: 0, max: 60_000 }).map((d) => formatIsoDate(d));
// Names are data; keep them free of the markers the property looks for.
const text = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter((s) => s.trim() !== "" && !/undefined|NaN|null|\{\{|\}\}/.test(s));

const components = (currency: string) =>
  fc.record({
    principal: amount(currency),
    interest: amount(currency),
    penaltyInterest: amount(currency),
    fees: amount(currency),
    total: amount(currency),
  });

const offer = (currency: string) =>
  fc.oneof(
    fc.constant(undefined),
    fc.record({
      kind: fc.constant("installments"),
      financed: amount(currency),
      totalRepayable: amount(currency),
      installments: fc.array(fc.record({ dueDate: isoDate, amount: amount(currency) }), { minLength: 1, maxLength: 6 }),
      waived: fc.record({ penaltyInterest: amount(currency), fees: amount(currency) }),
    }),
    fc.record({
      kind: fc.constant("settlement"),
      payoff: amount(currency),
      discount: amount(currency),
      validUntil: fc.option(isoDate),
    }),
    fc.record(
      {
        kind: fc.constant("deferral"),
        months: fc.integer({ min: 1, max: 12 }),
        until: isoDate,
        cost: amount(currency),
        newSchedule: fc.array(fc.record({ dueDate: isoDate, amount: amount(currency) })),
      },
      { requiredKeys: ["kind", "months"] },
    ),
    fc.record({
      kind: fc.constant("fee_waiver"),
      waived: fc.record({ penaltyInterest: amount(currency), fees: amount(currency) }, { requiredKeys: [] }),
    }),
    // Malformed offers must simply be left out.
    fc.anything(),
    fc.record({
      kind: fc.constantFrom("installments", "settlement", "deferral", "fee_waiver"),
      months: fc.anything(),
      payoff: fc.anything(),
    }),
  );

const decision: fc.Arbitrary<MessageDecision> = fc.constantFrom(...CURRENCIES).chain((currency) =>
  fc.record(
    {
      accountId: fc.stringMatching(/^[A-Z0-9-]{1,24}$/),
      asOf: fc.oneof(
        isoDate,
        isoDate.map((d) => `${d}T10:00:00+08:00`),
        isoDate.map((d) => `${d}T23:59:00-05:00`),
      ),
      locale: fc.constantFrom(...LOCALES),
      timeZone: fc.constantFrom("Asia/Shanghai", "America/New_York", "Not/AZone"),
      borrower: fc.record({ name: text }, { requiredKeys: [] }),
      facts: fc.record({ dpd: fc.integer({ min: 0, max: 5000 }) }),
      amounts: fc.record({
        currency: fc.constant(currency),
        overdue: components(currency),
        outstanding: components(currency),
        oldestUnpaidDueDate: fc.option(isoDate),
      }),
      action: fc.record({ offer: offer(currency) }, { requiredKeys: [] }),
    },
    { requiredKeys: ["accountId", "asOf", "facts", "amounts"] },
  ),
) as fc.Arbitrary<MessageDecision>;

const lender: fc.Arbitrary<LenderDetails> = fc.record(
  {
    name: text,
    phone: text,
    email: text,
    website: text,
    address: text,
    paymentMethods: fc.oneof(text, fc.array(text, { maxLength: 4 })),
    complaintRoute: text,
  },
  { requiredKeys: [] },
);

describe("rendering properties", () => {
  it('never yields "undefined", "NaN", "null" or "{{", and never the unmasked account id', () => {
    const ids = Object.keys(TEMPLATES);
    fc.assert(
      fc.property(
        decision,
        lender,
        fc.constantFrom(...ids),
        fc.option(fc.integer({ min: 0, max: 365 }), { nil: undefined }),
        (d, l, id, deadlineDays) => {
          const t = getTemplate(id);
          // A template may refuse a deadline shorter than its minimum (a default notice: 14 days).
          const m = renderMessage(t, d, {
            lender: l,
            ...(deadlineDays !== undefined ? { deadlineDays: Math.max(deadlineDays, t.minDeadlineDays) } : {}),
          });
          const all = m.body + "\n" + (m.subject ?? "");
          expect(all).not.toMatch(/undefined|NaN|null|\{\{|\}\}/);
          expect(m.body.trim()).not.toBe("");
          if (d.accountId.replace(/[^0-9A-Za-z]/g, "").length > 8) expect(all).not.toContain(d.accountId);
          if (m.channel === "sms" || m.channel === "email") expect(m.body).toMatch(/STOP|TD|退订|UNSUBSCRIBE/);
          if (m.audience === "third_party") expect(m.body).not.toMatch(/\d\.\d\d|逾期|overdue|past due/);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("money formatting keeps every digit of the amount, in any locale", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES).chain((c) => fc.tuple(fc.constant(c), amount(c))),
        fc.constantFrom("zh-CN", "en-US", "de-DE", "fr-FR"),
        ([c, a], loc) => {
          const out = formatMoney(a, c, loc);
          const digits = a.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
          // Locale digits are Latin for these locales; drop grouping and symbols.
          expect(out.replace(/\D/g, "").replace(/^0+(?=\d)/, "")).toBe(digits);
        },
      ),
      { numRuns: 500 },
    );
  });
});
