import { describe, expect, it } from "vitest";
import { decide, deriveFacts, loadPolicy, shippedRuleFile } from "../../src/index.js";
import { account } from "../../src/testing/index.js";

const asOf = "2026-11-23T15:00:00Z"; // 10:00 in New York
const facts = (b: ReturnType<typeof account>) => deriveFacts(b.build(), { asOf, scheme: "us-cycle" });

describe("stage facts", () => {
  const base = account().asOf(asOf).overdue(40, { amount: "100.00" });

  it("notices sent: only outbound ones that were not returned, days counted locally", () => {
    const f = facts(
      base
        .contact({ daysAgo: 9, channel: "letter", outcome: "delivered", purpose: "validation_notice" })
        .contact({ daysAgo: 3, channel: "letter", outcome: "undeliverable", purpose: "final_notice" })
        .contact({ daysAgo: 2, channel: "letter", outcome: "delivered", purpose: "arrears_notice" }),
    );
    expect(f.validationNoticeSent).toBe(true);
    expect(f.daysSinceValidationNotice).toBe(9);
    expect(f.daysSinceFinalNotice).toBeNull(); // returned: not given
    expect(f.daysSinceArrearsNotice).toBe(2);
    expect(f.daysSinceFirstCollectionContact).toBe(9);
  });

  it("a pre-due reminder is not the start of collection", () => {
    const f = facts(base.contact({ daysAgo: 50, channel: "sms", outcome: "delivered", purpose: "pre_due_reminder" }));
    expect(f.daysSinceFirstCollectionContact).toBeNull();
    expect(f.validationNoticeSent).toBe(false);
  });

  it("missed payments: dues fallen due and not covered by what was paid", () => {
    expect(facts(base).missedPayments).toBe(2); // 40 days late on a monthly schedule: two dues unpaid
    expect(facts(base.payment({ amount: "100.00", daysAgo: 1 })).missedPayments).toBe(1);
    expect(facts(account().asOf(asOf).overdue(0)).missedPayments).toBe(0);
  });

  it("next due: days until and amount", () => {
    const f = facts(account().asOf(asOf).overdue(0, { amount: "250.00" }));
    expect(f.nextDueAmount).toBe(250);
    expect(f.daysUntilNextDue).toBeGreaterThan(0);
    expect(f.daysUntilNextDue).toBeLessThanOrEqual(31);
  });

  it("life events: charge-off, placement and recall, servicemember check, debt advice", () => {
    const f = facts(
      base
        .event("charged_off", 20)
        .event("agency_placed", 15)
        .event("servicemember_checked", 5, { active: false })
        .event("debt_advice_engaged", 3),
    );
    expect([f.chargedOff, f.daysSinceChargeOff, f.daysSinceAgencyPlaced]).toEqual([true, 20, 15]);
    expect([f.servicememberActive, f.daysSinceServicememberCheck, f.daysSinceDebtAdvice]).toEqual([false, 5, 3]);
    expect(facts(base.event("agency_placed", 15).event("agency_recalled", 2)).daysSinceAgencyPlaced).toBeNull();
    expect(facts(base).servicememberActive).toBeNull(); // never checked: unknown, not false
  });

  it("an agreed visit time ahead, in whole hours", () => {
    const f = facts(
      base.contact({
        daysAgo: 1,
        channel: "call",
        outcome: "right_party",
        appointment: { at: "2026-11-24T15:00:00Z", kind: "visit" },
      }),
    );
    expect(f.visitAppointmentInHours).toBe(24);
    expect(facts(base).visitAppointmentInHours).toBeNull();
  });

  it("emergency contacts who have not asked to be left alone", () => {
    const json = base.build() as { borrower: Record<string, unknown> };
    json.borrower.emergencyContacts = [
      { id: "E1", relationship: "spouse" },
      { id: "E2", relationship: "friend", optedOut: true },
    ];
    expect(deriveFacts(json, { asOf }).emergencyContactsAvailable).toBe(1);
    expect(facts(base).emergencyContactsAvailable).toBe(0);
  });
});

describe("limitation periods from the applicable profiles", () => {
  const profile = structuredClone(shippedRuleFile("guardrails", "us-reg-f")) as Record<string, unknown>;
  const withLimits = {
    ...profile,
    id: "us-limits",
    tests: [],
    limitation: [
      {
        id: "us-default-6y",
        code: "TIME_BARRED",
        source: "test: a 6-year period restarted by payment",
        years: 6,
        restartedByPayment: true,
        restartedByAcknowledgment: true,
      },
      {
        id: "ny-3y",
        code: "TIME_BARRED",
        source: "N.Y. CPLR 214-i",
        jurisdictions: ["US-NY"],
        years: 3,
        restartedByPayment: false,
        restartedByAcknowledgment: false,
      },
    ],
  };
  const json = structuredClone(shippedRuleFile("policies", "us-default")) as Record<string, unknown>;
  const policy = loadPolicy(
    { ...json, tests: [], guardrails: "us-limits" },
    { catalogue: { guardrails: [withLimits] } },
  );
  const old = account()
    .asOf(asOf)
    .snapshot({ dpd: 4 * 365 });

  it("a four-year-old New York debt is time-barred (3 years, a payment does not revive it)", () => {
    const d = decide(policy, old.payment({ amount: "10.00", daysAgo: 30 }).build(), { asOf });
    expect(d.limitation).toMatchObject({ timeBarred: true, rule: "us-limits:ny-3y", countedFrom: "default" });
    expect(d.facts.timeBarred).toBe(true);
    expect(d.facts.limitationEndsInDays).toBeLessThan(0);
    expect(d.action.type).not.toBe("legal_review");
  });

  it("elsewhere the 6-year period applies, restarted by a payment", () => {
    const il = old.jurisdiction("US-IL");
    expect(decide(policy, il.build(), { asOf }).limitation).toMatchObject({
      timeBarred: false,
      countedFrom: "default",
    });
    const paid = decide(policy, il.payment({ amount: "10.00", daysAgo: 30 }).build(), { asOf }).limitation!;
    expect(paid.countedFrom).toBe("payment");
    // Six years from the payment day (2026-10-24): the last day is 2032-10-23.
    expect(paid.endsOn).toBe("2032-10-23");
    expect(paid.endsInDays).toBe((Date.UTC(2032, 9, 23) - Date.UTC(2026, 10, 23)) / 86_400_000);
  });

  it("no period while current, and none outside decide", () => {
    expect(decide(policy, account().asOf(asOf).overdue(0).build(), { asOf }).limitation).toBeNull();
    expect(deriveFacts(old.build(), { asOf }).timeBarred).toBeNull();
  });
});
