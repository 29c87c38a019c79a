import { describe, expect, it } from "vitest";
import { decide, loadPolicy, shippedRuleFile } from "../../src/index.js";
import { account } from "../../src/testing/index.js";
import { thrownArrearsError } from "../helpers.js";

const asOf = "2026-11-23T15:00:00Z"; // 10:00 in New York

/** A small US policy: a call, with a letter alongside it from dpd 30. */
function policyJson(extra: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    id: "alongside",
    version: "1.0.0",
    description: "test",
    jurisdictions: ["US"],
    currency: "USD",
    bucketScheme: "us-cycle",
    scorecards: { risk: "risk-behavioral", hardship: "hardship", segments: "segments" },
    guardrails: "us-reg-f",
    actions: {
      no_action: { contact: false, description: "nothing" },
      call_borrower: { contact: true, channel: "call", purpose: "collection", description: "call" },
      send_letter: {
        contact: true,
        channel: "letter",
        purpose: "collection",
        description: "letter",
        params: { stage: { type: "string", values: ["first", "second"], description: "which letter" } },
      },
    },
    rules: [
      {
        name: "letter-alongside",
        priority: 50,
        conditions: { all: [{ fact: "dpd", operator: "greaterThanInclusive", value: 30 }] },
        event: { type: "send_letter", params: { alongside: true, stage: "first" } },
      },
      {
        name: "call",
        priority: 40,
        conditions: { all: [{ fact: "dpd", operator: "greaterThanInclusive", value: 1 }] },
        event: { type: "call_borrower" },
      },
    ],
    ...extra,
  };
}

describe("actions alongside the primary one", () => {
  const policy = loadPolicy(policyJson());

  it("a rule marked alongside adds its action next to the chosen one, each checked on its own", () => {
    const d = decide(policy, account().asOf(asOf).overdue(35).build(), { asOf, render: false });
    expect(d.action.type).toBe("call_borrower");
    expect(d.action.alongside).toEqual([
      {
        type: "send_letter",
        channel: "letter",
        party: "borrower",
        rule: "letter-alongside",
        earliestAt: "2026-11-23T15:00:00.000Z",
        contact: true,
        params: { alongside: true, stage: "first" },
        // checked on its own: the letter carries its own requirements under us-reg-f
        requirements: expect.arrayContaining([expect.objectContaining({ code: "RETAIN_RECORDS" })]),
      },
    ]);
    // Below 30 days nothing goes alongside.
    expect(decide(policy, account().asOf(asOf).overdue(10).build(), { asOf }).action.alongside).toBeUndefined();
  });

  it("a blocked alongside action is recorded as blocked, and does not count against the primary", () => {
    const d = decide(policy, account().asOf(asOf).overdue(35).optOut("letter").build(), { asOf, render: false });
    expect(d.action.type).toBe("call_borrower");
    expect(d.action.alongside).toBeUndefined();
    expect(d.blocked).toEqual([
      expect.objectContaining({
        type: "send_letter",
        alongside: true,
        reasons: [expect.objectContaining({ code: "OPTED_OUT" })],
      }),
    ]);
    expect(d.allContactsBlocked).toBe(false);
  });

  it("params are declared: an undeclared or out-of-vocabulary param is a load error with a suggestion", () => {
    const bad = policyJson();
    bad.rules[0]!.event.params = { alongside: true, stage: "frist" } as never;
    const e = thrownArrearsError(() => loadPolicy(bad));
    expect(e.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      'rules.0.event.params.stage: expected one of first, second; did you mean "first"?',
    ]);
    const undeclared = policyJson();
    (undeclared.rules[1]!.event as Record<string, unknown>).params = { stgae: "x" };
    expect(thrownArrearsError(() => loadPolicy(undeclared)).issues[0]!.message).toBe(
      'param "stgae" is not declared in actions.call_borrower.params',
    );
  });

  it("a policy naming an unknown template or profile fails at load, not at decide", () => {
    const e = thrownArrearsError(() =>
      loadPolicy({
        ...policyJson(),
        guardrails: ["us-reg-g"],
        actions: {
          ...policyJson().actions,
          send_letter: { ...policyJson().actions.send_letter, template: "formal-leter" },
        },
      }),
    );
    expect(e.issues.map((i) => i.path.join("."))).toEqual(["guardrails.0", "actions.send_letter.template"]);
    expect(e.message).toContain('did you mean "us-reg-f"');
    expect(e.message).toContain('did you mean "formal-letter"');
  });

  it("an action for a third party must use a template that cannot state the debt", () => {
    const e = thrownArrearsError(() =>
      loadPolicy({
        ...policyJson(),
        actions: {
          ...policyJson().actions,
          ask_contact: {
            contact: true,
            channel: "letter",
            party: "emergency_contact",
            description: "x",
            template: "formal-letter",
          },
        },
      }),
    );
    expect(e.issues[0]).toMatchObject({ path: ["actions", "ask_contact", "template"], received: "formal-letter" });
  });
});

describe("holds in the decision", () => {
  const policy = loadPolicy("us-default");
  const base = account().asOf(asOf).overdue(45);

  it("a dispute shows since when, what opened it and that verification ends it", () => {
    const d = decide(policy, base.event("dispute_received", 10).build(), { asOf });
    expect(d.action.type).toBe("dispute_hold");
    expect(d.holds).toEqual([
      {
        status: "disputed",
        since: "2026-11-13",
        openedBy: "event:dispute_received",
        endsWith: expect.stringContaining("verification_sent"),
        reviewOn: null,
      },
    ]);
    // Verification sent ends it the same day: contact resumes the next day.
    const verified = decide(policy, base.event("dispute_received", 10).event("verification_sent", 1).build(), { asOf });
    expect(verified.holds).toEqual([]);
    expect(verified.action.type).not.toBe("dispute_hold");
  });

  it("a breathing space with no end on record ends after the lifecycle's days, with its review date", () => {
    const gb = account()
      .asOf(asOf)
      .currency("GBP")
      .timeZone("Europe/London")
      .overdue(45)
      .event("breathing_space_started", 10, { kind: "standard" });
    const profile = shippedRuleFile("guardrails", "uk-conc");
    const d = decide(
      loadPolicy({ ...policyJson(), jurisdictions: ["GB"], currency: "GBP", guardrails: "uk-conc" }),
      gb.build(),
      {
        asOf,
        render: false,
      },
    );
    expect((profile as { id: string }).id).toBe("uk-conc");
    expect(d.holds).toEqual([
      expect.objectContaining({ status: "breathingSpace", since: "2026-11-13", reviewOn: "2027-01-12" }),
    ]);
    expect(d.action.contact).toBe(false);
    expect(d.facts.holdReviewInDays).toBe(50);
  });
});

describe("suggestedAt: the best lawful hour from the borrower's own history", () => {
  const policy = loadPolicy("us-default");
  // Unanswered in the morning, answered in the evening (New York local time), over past weeks.
  let b = account().asOf(asOf).overdue(20);
  for (let k = 8; k < 20; k++) {
    b = b.contact({ at: `2026-11-${String(k).padStart(2, "0")}T15:00:00Z`, channel: "call", outcome: "no_answer" });
    // Conversations end a week before asOf: Reg F's 7-day pause after one is over.
    if (k % 2 === 0 && k <= 14)
      b = b.contact({ at: `2026-11-${String(k).padStart(2, "0")}T23:30:00Z`, channel: "call", outcome: "right_party" });
  }

  it("moves a call to the hour the borrower answers, within the day", () => {
    const d = decide(policy, b.build(), { asOf, render: false });
    expect(d.action.type).toBe("call_borrower");
    expect(d.action.earliestAt).toBe("2026-11-23T15:00:00.000Z"); // 10:00 local
    expect(d.action.suggestedAt).toBe("2026-11-23T23:00:00.000Z"); // 18:00 local: the evening hour
  });

  it("never before earliestAt, never outside the window; no history and no prior: earliestAt", () => {
    const fresh = decide(policy, account().asOf(asOf).overdue(20).build(), { asOf, render: false });
    expect(fresh.action.suggestedAt).toBe(fresh.action.earliestAt);
    // A prior that favours 23:00 local (outside Reg F's 08:00–21:00) cannot move the call there.
    const hourly = Array.from({ length: 24 }, (_, h) => (h === 23 ? 1 : 0.1));
    const d = decide(policy, account().asOf(asOf).overdue(20).build(), {
      asOf,
      render: false,
      contactTimePrior: { hourly, strength: 50 },
    });
    expect(d.action.suggestedAt).toBe(d.action.earliestAt);
  });

  it("a portfolio prior moves a borrower without history; the account's own record outweighs a weak prior", () => {
    const hourly = Array.from({ length: 24 }, (_, h) => (h === 13 ? 0.6 : 0.1));
    const fresh = decide(policy, account().asOf(asOf).overdue(20).build(), {
      asOf,
      render: false,
      contactTimePrior: { hourly },
    });
    expect(fresh.action.suggestedAt).toBe("2026-11-23T18:00:00.000Z"); // 13:00 local
    const own = decide(policy, b.build(), { asOf, render: false, contactTimePrior: { hourly, strength: 1 } });
    expect(own.action.suggestedAt).toBe("2026-11-23T23:00:00.000Z");
  });

  it("a malformed prior is an options error naming the field", () => {
    const e = thrownArrearsError(() =>
      decide(policy, b.build(), { asOf, contactTimePrior: { hourly: [0.5] } } as never),
    );
    expect(e.code).toBe("INVALID_OPTIONS");
    expect(e.issues[0]!.path).toEqual(["contactTimePrior", "hourly"]);
  });
});

describe("a visit at an agreed time", () => {
  it("is scheduled within the tolerance and suggested at the agreed instant", () => {
    const cn = loadPolicy("cn-default");
    const at = "2026-11-23T10:00:00+08:00";
    const b = account()
      .asOf(at)
      .currency("CNY")
      .timeZone("Asia/Shanghai")
      .locale("zh-CN")
      .jurisdiction("CN")
      .balance({ principal: "40000.00" })
      .overdue(100)
      .contact({
        at: "2026-11-22T10:00:00+08:00",
        channel: "call",
        outcome: "right_party",
        appointment: { at: "2026-11-23T15:00:00+08:00", kind: "visit" },
      });
    const d = decide(cn, b.build(), { asOf: at, render: false });
    expect(d.action.type).toBe("home_visit");
    expect(d.action.rule).toBe("home-visit-appointment");
    expect(d.action.earliestAt).toBe("2026-11-23T06:00:00.000Z"); // 14:00 local: an hour before
    expect(d.action.suggestedAt).toBe("2026-11-23T07:00:00.000Z"); // 15:00 local: the agreed time
    // The day after, the appointment is past: no visit on its strength.
    const after = decide(cn, b.build(), { asOf: "2026-11-24T10:00:00+08:00", render: false });
    expect(after.action.rule).not.toBe("home-visit-appointment");
  });
});
