/**
 * United States: scenarios of the book, from /work/notes/scenario-oracle.md §3 (base: USD,
 * US-NY, America/New_York, en-US, $350 on the 20th = $300 principal + $50 interest, $6,000
 * principal, income $4,500, 12 clean months; us-default with us-reg-f, which the lender applies
 * to its own collections as policy; 2026-11-23 10:00 local).
 */
import { arrangements, borrower, build, contactsAt, months, paidLate, series, US_NOW, us, usDues } from "./fixtures.js";
import type { Scenario } from "./scenario.js";

const NO_THREAT_OF_SUIT = /lawsuit|sue you|legal action|attorney/i;
const OPT_OUT = "Reply STOP";

/** A card: minimum payments on the 25th, current, next due 2026-11-25. */
function card(id: string) {
  return us(id, 0, { amount: "85.00", on: "2026-11-14" })
    .product("revolving")
    .creditLimit("3000.00")
    .balance("2400.00")
    .jurisdiction("US-IL")
    .timeZone("America/Chicago")
    .asOf("2026-11-23T10:00:00-06:00");
}

/** US-REGF-01: Denver, DPD 25, seven calls on Nov 17–22 (counted outcomes unless `busy` says otherwise). */
function sevenCalls(id: string, busy: readonly string[] = []) {
  const at = [
    "2026-11-17T09:15:00-07:00",
    "2026-11-18T12:40:00-07:00",
    "2026-11-19T10:05:00-07:00",
    "2026-11-19T17:30:00-07:00",
    "2026-11-20T11:00:00-07:00",
    "2026-11-21T10:30:00-07:00",
    "2026-11-22T14:00:00-07:00",
  ];
  const voicemail = new Set(["2026-11-18T12:40:00-07:00", "2026-11-20T11:00:00-07:00"]);
  return at.reduce(
    (b, t) => b.contact({ at: t, outcome: busy.includes(t) ? "busy" : voicemail.has(t) ? "voicemail" : "no_answer" }),
    us(id, 25).jurisdiction("US-CO").timeZone("America/Denver").asOf("2026-11-23T10:00:00-07:00"),
  );
}

/** US-TZ-02: phone with a New York area code, mailing address in San Diego; DPD 15. */
function twoZones(id: string, asOf: string) {
  return build(
    us(id, 15).jurisdiction("US-CA").timeZone("America/Los_Angeles").asOf(asOf),
    usDues,
    borrower({ otherTimeZones: ["America/New_York"] }),
  );
}

/** An agency collecting a charged-off loan: validation notice mailed 11-02, written dispute received 11-16. */
function agencyDispute(id: string) {
  return us(id, 187)
    .event("charged_off", "2026-11-01")
    .contact({ at: "2026-11-02T09:00:00-05:00", channel: "letter", outcome: "delivered", purpose: "validation_notice" })
    .event("dispute_received", "2026-11-16", { written: true });
}

const promised = (at: string, amount: string, dueDate: string) =>
  ({ at, outcome: "promise_to_pay", promise: { amount, dueDate } }) as const;

export const US_SCENARIOS: readonly Scenario[] = [
  // ---------- early stage and calls ----------
  {
    id: "US-EARLY-01",
    story:
      "A card holder in Chicago, current with $85 due in 2 days, whose last payment was returned and who was late 3 times this year: pre-due text.",
    asOf: "2026-11-23T10:00:00-06:00",
    account: build(
      card("US-EARLY-01"),
      paidLate("2026-03-25", "2026-04-27"),
      paidLate("2026-04-25", "2026-04-27"),
      paidLate("2026-06-25", "2026-07-27"),
      paidLate("2026-07-25", "2026-07-27"),
      paidLate("2026-08-25", "2026-09-26"),
      paidLate("2026-09-25", "2026-09-26"),
      paidLate("2026-10-25", "2026-10-30"),
    ),
    facts: { dpd: 0, daysUntilNextDue: 2, cyclesDelinquent12m: { atLeast: 2 } },
    expect: {
      action: {
        type: "send_pre_due_reminder",
        channel: "sms",
        earliestAt: "now",
        message: { must: ["$85.00", "November 25, 2026", OPT_OUT], mustNot: [/past due|overdue|collection|late fee/i] },
      },
    },
    why: "P3: high risk (≥ 2 delinquent cycles, a returned payment) gets a neutral reminder 2 days before the due date; every text carries the opt-out (12 CFR 1006.6(e)).",
    source: "P3; 12 CFR 1006.6(e); DOMAIN.md (no reminders before the due date)",
  },
  {
    id: "US-EARLY-01b",
    story: "A clean card holder in Chicago with $85 due in 2 days: nothing to do.",
    asOf: "2026-11-23T10:00:00-06:00",
    account: build(card("US-EARLY-01b")),
    facts: { dpd: 0, daysUntilNextDue: 2, cyclesDelinquent12m: 0 },
    expect: { action: { type: "no_action", channel: null, params: { reason: "current" } } },
    why: "P3: pre-due reminders for high-risk accounts only.",
    source: "P3",
  },
  {
    id: "US-EARLY-02",
    story: "A borrower with 36 clean months is 2 days late (grace 5) and has not been contacted: let it self-cure.",
    asOf: US_NOW,
    account: build(us("US-EARLY-02", 2, { history: 36 }), usDues),
    facts: { dpd: 2, inGrace: true, firstDelinquency: true },
    expect: {
      action: { type: "no_action", channel: null, params: { reason: "self_cure_window" } },
      never: ["send_sms_reminder", "send_email_reminder", "call_borrower"],
    },
    why: "P3: no collection contact in grace for a low-risk account; first reminder from DPD 6 (2026-11-27). Ladder 2.1.0: us-default's self-cure-low-risk wait gives the reason self_cure_window.",
    source: "P3; DOMAIN.md self-cure",
  },
  {
    id: "US-CALL-01",
    story: "The 11-13 payment is 10 days late and the e-mail reminder of 11-18 brought nothing: first collection call.",
    asOf: US_NOW,
    account: build(
      us("US-CALL-01", 10).contact({
        at: "2026-11-18T10:00:00-05:00",
        channel: "email",
        outcome: "delivered",
        purpose: "reminder",
      }),
      usDues,
    ),
    facts: { dpd: 10, callAttempts7d: 0 },
    expect: {
      action: {
        type: "call_borrower",
        channel: "call",
        params: { stage: "first" },
        earliestAt: "now",
        message: { must: [/identity[\s\S]*\$350\.00/i, "$350.00", "November 13, 2026"], mustNot: [NO_THREAT_OF_SUIT] },
      },
    },
    why: "Confirm the right party before any account detail; a voicemail is a limited-content message only (12 CFR 1006.2(j)).",
    source: "12 CFR 1006.2(j), 1006.6(d)",
  },
  {
    id: "US-TZ-01",
    story:
      "A borrower in Los Angeles at DPD 12, evaluated at 10:30 New York time (07:30 in LA): call at 08:00 Pacific.",
    asOf: "2026-11-23T10:30:00-05:00",
    account: build(
      us("US-TZ-01", 12).jurisdiction("US-CA").timeZone("America/Los_Angeles").asOf("2026-11-23T10:30:00-05:00"),
      usDues,
    ),
    facts: { dpd: 12, asOfLocalHour: 7 },
    expect: { action: { type: "call_borrower", channel: "call", earliestAt: "2026-11-23T08:00:00-08:00" } },
    why: "08:00–21:00 at the consumer's location, P15.",
    source: "12 CFR 1006.6(b)(1)(i)",
  },
  {
    id: "US-TZ-01b",
    story: "A borrower in Honolulu at DPD 12, evaluated at 20:30 New York time (15:30 in Hawaii): call now.",
    asOf: "2026-11-24T01:30:00Z",
    account: build(
      us("US-TZ-01b", 12).jurisdiction("US-HI").timeZone("Pacific/Honolulu").asOf("2026-11-24T01:30:00Z"),
      usDues,
    ),
    facts: { dpd: 12, asOfLocalHour: 15 },
    expect: { action: { type: "call_borrower", channel: "call", earliestAt: "now" } },
    why: "Convenient for the consumer is what counts (late for the agent); Hawaii has no DST.",
    source: "12 CFR 1006.6(b)(1)(i)",
  },
  {
    id: "US-TZ-01c",
    story: "US-TZ-01 with the instant given in UTC (15:30Z): the same 08:00 Pacific answer.",
    asOf: "2026-11-23T15:30:00Z",
    account: build(
      us("US-TZ-01c", 12).jurisdiction("US-CA").timeZone("America/Los_Angeles").asOf("2026-11-23T15:30:00Z"),
      usDues,
    ),
    facts: { dpd: 12, asOfLocalHour: 7 },
    expect: { action: { type: "call_borrower", channel: "call", earliestAt: "2026-11-23T08:00:00-08:00" } },
    why: "The answer does not depend on the caller's zone (oracle §5.3).",
    source: "12 CFR 1006.6(b)(1)(i)",
  },
  {
    id: "US-TZ-02",
    story:
      "A New York phone number and a San Diego address (DPD 15), evaluated at 09:30 Pacific (12:30 Eastern): both locations are in hours, call now.",
    asOf: "2026-11-23T09:30:00-08:00",
    account: twoZones("US-TZ-02", "2026-11-23T09:30:00-08:00"),
    facts: { dpd: 15 },
    expect: { action: { type: "call_borrower", channel: "call", earliestAt: "now" } },
    why: "With conflicting location information a time is convenient only if it is convenient in every location: 11:00–21:00 ET = 08:00–18:00 PT.",
    source: "Official interpretation of 12 CFR 1006.6(b)(1)(i)",
  },
  {
    id: "US-TZ-02b",
    story: "The same borrower at 18:30 Pacific (21:30 Eastern): too late in New York, call at 08:00 Pacific tomorrow.",
    asOf: "2026-11-23T18:30:00-08:00",
    account: twoZones("US-TZ-02b", "2026-11-23T18:30:00-08:00"),
    facts: { dpd: 15 },
    expect: { action: { type: "call_borrower", channel: "call", earliestAt: "2026-11-24T08:00:00-08:00" } },
    why: "Convenient in every location (P15).",
    source: "Official interpretation of 12 CFR 1006.6(b)(1)(i)",
  },
  {
    id: "US-REGF-01",
    story:
      "A borrower in Denver at DPD 25 has had seven unanswered calls and voicemails in the last 7 days: no eighth call, an e-mail now, call tomorrow.",
    asOf: "2026-11-23T10:00:00-07:00",
    account: build(sevenCalls("US-REGF-01"), usDues),
    facts: { dpd: 25, callAttempts7d: 7, rightPartyContacts30d: 0 },
    expect: {
      action: {
        type: "send_sms_reminder",
        channel: "sms",
        earliestAt: "now",
        message: { must: ["Reply STOP"], mustNot: [/final notice/i] },
      },
      or: [{ type: "send_email_reminder", channel: "email", earliestAt: "now" }],
      blocked: [{ type: "call_borrower", codes: ["CAP_7D"], earliestAt: "2026-11-24T08:00:00-07:00" }],
    },
    why: "More than 7 calls in 7 days is presumed harassment; the window Nov 18–24 holds 6 tomorrow; the call is 22 h away, beyond maxDelayHours, so the e-mail is the action. Ladder 2.1.0: the 7-in-7 presumption is about calls; a text (with its opt-out) is as lawful as an e-mail and us-default prefers it (sms-reminder before email-reminder).",
    source: "12 CFR 1006.14(b)(2)(i)(A)",
  },
  {
    id: "US-REGF-02",
    story:
      "As US-REGF-01 but two of the seven calls got a busy signal: calls that do not connect do not count, call now.",
    asOf: "2026-11-23T10:00:00-07:00",
    account: build(sevenCalls("US-REGF-02", ["2026-11-19T17:30:00-07:00", "2026-11-21T10:30:00-07:00"]), usDues),
    facts: { dpd: 25, callAttempts7d: 7 },
    expect: { action: { type: "call_borrower", channel: "call", earliestAt: "now" } },
    why: "Official commentary to 1006.14(b)(2): busy signals are not counted (5 counted calls).",
    source: "12 CFR 1006.14(b)(2), commentary",
  },
  {
    id: "US-REGF-03",
    story:
      "At DPD 33 the borrower talked to us on 11-18 (would call back after payday): no call before 11-25; an e-mail that mentions the conversation.",
    asOf: US_NOW,
    account: build(us("US-REGF-03", 33).contact({ at: "2026-11-18T14:00:00-05:00", outcome: "right_party" }), usDues),
    facts: { dpd: 33, daysSinceRightPartyContact: 5 },
    expect: {
      action: {
        type: "send_formal_letter",
        channel: "letter",
        params: { stage: "first" },
        earliestAt: "now",
        message: { mustNot: [/unable to reach you|could not reach you|have not responded|haven't responded/i] },
      },
      or: [
        { type: "send_email_reminder", channel: "email", earliestAt: "now" },
        { type: "send_sms_reminder", channel: "sms", earliestAt: "now" },
      ],
      blocked: [{ type: "call_borrower", codes: ["QUIET_PERIOD"], earliestAt: "2026-11-25T08:00:00-05:00" }],
    },
    why: "No call within 7 days after a telephone conversation (its day is day 1: 11-18…11-24); P10 (never 'we could not reach you' after an RPC). Ladder 2.1.0: the quiet period is about calls; at DPD 33 with no letter yet the first formal letter of the second cycle is the written step (an e-mail or text would do as well). One letter only.",
    source: "12 CFR 1006.14(b)(2)(i)(B)",
  },

  // ---------- promises and letters ----------
  {
    id: "US-PTP-01",
    story: "A borrower in Chicago at DPD 34 ($725 with the late fee) promised on 11-20 to pay it all by 11-27: wait.",
    asOf: "2026-11-23T10:00:00-06:00",
    account: build(
      us("US-PTP-01", 34)
        .jurisdiction("US-IL")
        .timeZone("America/Chicago")
        .asOf("2026-11-23T10:00:00-06:00")
        .balance({ principal: "6000.00", fees: "25.00" })
        .contact(promised("2026-11-20T16:00:00-06:00", "725.00", "2026-11-27")),
      usDues,
    ),
    facts: { activePromise: true, activePromiseDueInDays: 4 },
    expect: { action: { type: "await_promise", channel: null }, never: ["call_borrower"] },
    why: "P1 (full overdue amount within 7 days), P2 (kept if paid by 11-29; else a broken-promise call on 11-30 from 08:00).",
    source: "P1, P2",
  },
  {
    id: "US-PTP-02",
    story:
      "The borrower promised $600 by 11-16 and paid $300 that day, leaving $400 overdue (DPD 40): a follow-up call that thanks them for the $300.",
    asOf: US_NOW,
    account: build(
      us("US-PTP-02", 40)
        .contact(promised("2026-11-09T15:00:00-05:00", "600.00", "2026-11-16"))
        .payment({ amount: "300.00", date: "2026-11-16" }),
      usDues,
    ),
    facts: { dpd: 40, overdueAmount: 400, promisesPartiallyKept90d: 1 },
    expect: {
      action: {
        type: "call_borrower",
        channel: "call",
        params: { stage: "follow_up" },
        earliestAt: "now",
        message: { must: ["$300.00", "$400.00"], mustNot: [/broken/i, /you did(n't| not) pay/i] },
      },
    },
    why: "A partly kept promise is not a broken one (docs/facts.md promisesPartiallyKept90d); the Reg F quiet period ended 11-15.",
    source: "docs/facts.md; 12 CFR 1006.14(b)(2)(i)(B)",
  },
  {
    id: "US-LETTER-01",
    story:
      "A borrower in Phoenix at DPD 35 asked by e-mail on 10-30 to stop calling: first formal letter, calls blocked.",
    asOf: "2026-11-23T10:00:00-07:00",
    account: build(
      us("US-LETTER-01", 35)
        .jurisdiction("US-AZ")
        .timeZone("America/Phoenix")
        .asOf("2026-11-23T10:00:00-07:00")
        .optOut("call"),
      usDues,
    ),
    facts: { dpd: 35, callOptOut: true, daysSinceLastLetter: null },
    expect: {
      action: { type: "send_sms_reminder", channel: "sms", earliestAt: "now" },
      alongside: [
        {
          type: "send_formal_letter",
          channel: "letter",
          params: { stage: "first" },
          earliestAt: "now",
          message: {
            must: ["October 19, 2026", "35 days", "December 7, 2026", "$700.00", "$600.00", "$100.00"],
            mustNot: [NO_THREAT_OF_SUIT],
          },
        },
      ],
      blocked: [{ type: "call_borrower", codes: ["OPTED_OUT"] }],
      never: ["call_borrower"],
    },
    why: "A medium the consumer asked not to be used is not used (only calls were opted out; a text with its opt-out line is another medium); consequences stated factually, never a suit that is not intended (§1692e(5)). Ladder 2.2.0: the text reminder is the primary action and the first formal letter goes alongside (exactly one letter).",
    source: "12 CFR 1006.14(h); FDCPA §1692e(5); [003] letter contents",
  },
  {
    id: "US-FINAL-01",
    story:
      "A card at DPD 150 ($4,300) with three letters and no conversation in 60 days: final notice before charge-off on 12-23.",
    asOf: US_NOW,
    account: build(
      contactsAt(
        contactsAt(
          us("US-FINAL-01", 150, { amount: "120.00" })
            .product("revolving")
            .creditLimit("5000.00")
            .balance("4300.00")
            .contact({ at: "2026-09-10T11:00:00-05:00", outcome: "right_party" }),
          ["2026-07-31T09:00:00-05:00", "2026-08-30T09:00:00-05:00", "2026-09-29T09:00:00-05:00"],
          { channel: "letter", outcome: "delivered", purpose: "collection" },
        ),
        series("2026-10-05", 6, 7, "10:00", "-05:00"),
        { outcome: "no_answer" },
      ),
    ),
    facts: { dpd: 150, unreachable: false, daysSinceRightPartyContact: 74 },
    expect: {
      action: { type: "call_borrower", channel: "call", earliestAt: "now" },
      alongside: [
        {
          type: "send_final_notice",
          channel: "letter",
          earliestAt: "now",
          message: {
            must: ["December 23, 2026", "December 7, 2026", /collection agency/i],
            mustNot: [/lawsuit|sue you/i],
          },
        },
        "placement_review",
      ],
    },
    why: "FFIEC: revolving credit is charged off at 180 days (2026-12-23); say factually that charge-off does not cancel the debt and the account may be placed with an agency. Ladder 2.2.0: the final notice goes alongside the calls (monthly from 90 days), with the placement review beside them.",
    source: "FFIEC Uniform Retail Credit Classification (DOMAIN.md); FDCPA §1692e(5)",
  },

  // ---------- hardship ----------
  {
    id: "US-HARD-01",
    story: "Laid off on 10-30 and 20 days late with a $30 late fee: a 3-month payment holiday, not a fee waiver.",
    asOf: US_NOW,
    account: build(
      us("US-HARD-01", 20)
        .balance({ principal: "6000.00", fees: "30.00" })
        .contact({ at: "2026-11-10T13:00:00-05:00", direction: "inbound", outcome: "hardship_reported" })
        .hardship("unemployment", "2026-11-10"),
      usDues,
    ),
    facts: { dpd: 20, hardshipKind: "unemployment" },
    expect: {
      action: { type: "offer_deferral", channel: "letter", earliestAt: "now", message: { must: ["February 3, 2027"] } },
      or: [
        {
          type: "offer_payment_holiday",
          channel: "letter",
          earliestAt: "now",
          message: { must: ["February 3, 2027"] },
        },
      ],
      never: ["offer_fee_waiver"],
    },
    why: "P5: unemployment → 3 months deferred (11-03, 12-03, 01-03; resume 2027-02-03), the $30 late fee waived, no partial payment required.",
    source: "P5",
  },
  {
    id: "US-HARD-02",
    story:
      "A borrower displaced by a FEMA-declared wildfire (reported in the app 11-12) is 8 days late: deferral and fee waiver by app or e-mail, no calls.",
    asOf: "2026-11-23T10:00:00-08:00",
    account: build(
      us("US-HARD-02", 8)
        .jurisdiction("US-CA")
        .timeZone("America/Los_Angeles")
        .asOf("2026-11-23T10:00:00-08:00")
        .balance({ principal: "6000.00", fees: "30.00" })
        .contact({
          at: "2026-11-12T19:00:00-08:00",
          channel: "app",
          direction: "inbound",
          outcome: "hardship_reported",
        })
        .hardship("disaster", "2026-11-12"),
      usDues,
    ),
    facts: { dpd: 8, hardshipKind: "disaster" },
    expect: {
      action: { type: "offer_deferral", channel: "app", earliestAt: "now", message: { must: ["February 15, 2027"] } },
      or: [{ type: "offer_deferral", channel: "email", earliestAt: "now", message: { must: ["February 15, 2027"] } }],
      never: ["call_borrower"],
    },
    why: "P5 (disaster → deferral, fees waived), delivered where the displaced borrower can read it.",
    source: "P5",
    needs: ["channel usability (the mailing address is evacuated), offers on app/e-mail"],
  },
  {
    id: "US-HARD-03",
    story:
      "Income fell from $5,200 to $3,000 (contract instalment $500, $4,800 left, DPD 34): 12 × $400, never above the contract instalment.",
    asOf: US_NOW,
    account: build(
      us("US-HARD-03", 34, { amount: "500.00" })
        .income("3000.00")
        .balance({ principal: "4800.00", fees: "50.00" })
        .hardship("income_drop", "2026-11-16"),
    ),
    facts: { dpd: 34, monthlyIncome: 3000, hardshipKind: "income_drop" },
    expect: {
      action: {
        type: "offer_installment_plan",
        channel: "letter",
        earliestAt: "now",
        message: { must: ["$400.00", "December 20, 2026"], mustNot: ["$1,600.00", "$800.00"] },
      },
    },
    why: "P5: cap = min($500, 35% × $3,000) = $500; 3 → $1,600 and 6 → $800 exceed it; 12 × $400 fits; the $50 waived if kept.",
    source: "P5",
  },
  {
    id: "US-SETTLE-01",
    story:
      "A card at DPD 156 ($7,200) whose holder reported an income drop in August: settle at $5,040 (30% off) until 12-23, with the 1099-C line.",
    asOf: US_NOW,
    account: build(
      us("US-SETTLE-01", 156, { amount: "200.00" })
        .product("revolving")
        .creditLimit("7500.00")
        .balance("7200.00")
        .hardship("income_drop", "2026-08-01"),
    ),
    facts: { dpd: 156, hardshipKind: "income_drop" },
    expect: {
      action: {
        type: "offer_settlement",
        channel: "letter",
        earliestAt: "now",
        message: { must: ["$5,040.00", "$2,160.00", "December 23, 2026", "1099-C"], mustNot: [/never be repeated/i] },
      },
    },
    why: "P5: settlement at DPD ≥ 90 when unable to pay in full; forgiven debt of $600 or more may be reported on IRS Form 1099-C; an accepted settlement survives charge-off.",
    source: "P5; 26 U.S.C. 6050P (Form 1099-C)",
  },

  // ---------- no home visits; unreachable ----------
  {
    id: "US-NOVISIT-01",
    story:
      "An unsecured loan in Chicago at DPD 95 ($8,500), refused on 10-20 and located (letters delivered): placement review for an attorney, never a home visit.",
    asOf: "2026-11-23T10:00:00-06:00",
    account: build(
      contactsAt(
        us("US-NOVISIT-01", 95)
          .jurisdiction("US-IL")
          .timeZone("America/Chicago")
          .asOf("2026-11-23T10:00:00-06:00")
          .balance("8500.00")
          .contact(promised("2026-10-01T10:00:00-06:00", "700.00", "2026-10-08"))
          .contact({ at: "2026-10-20T11:00:00-06:00", outcome: "refused" })
          .contact({ at: "2026-11-02T09:00:00-06:00", channel: "letter", outcome: "delivered", purpose: "collection" }),
        series("2026-10-28", 9, 3, "10:00", "-06:00"),
        { outcome: "no_answer" },
      ),
      usDues,
    ),
    facts: { dpd: 95, outstandingAmount: 8500, unreachable: false },
    expect: {
      action: { type: "call_borrower", channel: "call" },
      alongside: ["placement_review", { type: "send_formal_letter", params: { stage: "follow_up" } }],
      never: ["send_visit_notice", "home_visit", "arrange_visit"],
    },
    why: "P12: US unsecured credit never gets field visits; attorney placement when located, ≥ $5,000 and not judgment-proof, after SOL and SCRA checks; P16 (last letter 21 days ago). Ladder 2.2.0: the placement review is internal and goes alongside, so lawful calls (Reg F 7-in-7) continue until the account is placed; the monthly final notice from 90 days also goes.",
    source: "P12",
  },
  {
    id: "US-UNREACH-01",
    story:
      "At DPD 70 ($3,200) the number is dead (wrong number on 11-12, 11-16, 11-19) after 11 failed attempts: skip trace and a letter to the last known address.",
    asOf: US_NOW,
    account: build(
      contactsAt(
        contactsAt(
          us("US-UNREACH-01", 70)
            .balance("3200.00")
            .contact({ at: "2026-09-10T11:00:00-05:00", outcome: "right_party" }),
          series("2026-09-20", 8, 6, "10:00", "-05:00"),
          { outcome: "no_answer" },
        ),
        ["2026-11-12T10:00:00-05:00", "2026-11-16T10:00:00-05:00", "2026-11-19T10:00:00-05:00"],
        { outcome: "wrong_number" },
      ),
      usDues,
    ),
    facts: { dpd: 70, unreachable: true, consecutiveFailedAttempts: 11 },
    expect: {
      action: { type: "send_formal_letter", channel: "letter", params: { stage: "unreachable" } },
      alongside: ["skip_trace"],
    },
    why: "Third parties only for location information, once per person, never the debt; letters in a plain envelope (§1692f(8)). Ladder 2.1.0: the letter to the last known address is the primary action and the skip trace goes alongside; one letter only.",
    source: "FDCPA §1692b, §1692f(8); 12 CFR 1006.10",
  },

  // ---------- holds ----------
  {
    id: "US-HOLD-01",
    story:
      "An agency collecting a charged-off loan mailed the validation notice on 11-02 and received a written dispute on 11-16: stop until verification is mailed.",
    asOf: US_NOW,
    account: build(agencyDispute("US-HOLD-01"), usDues),
    facts: { disputed: true, validationNoticeSent: true, chargedOff: true },
    expect: {
      action: { type: "dispute_hold", channel: null },
      holds: [{ status: "disputed" }],
      never: ["call_borrower", "send_sms_reminder", "send_email_reminder", "send_formal_letter"],
    },
    why: "Collection stops until verification is mailed; only the verification may go out.",
    source: "FDCPA §1692g(b); 12 CFR 1006.34, 1006.38",
  },
  {
    id: "US-HOLD-01b",
    story: "As US-HOLD-01 but the verification was mailed on 11-20: collection resumes with a call.",
    asOf: US_NOW,
    account: build(agencyDispute("US-HOLD-01b").event("verification_sent", "2026-11-20"), usDues),
    facts: { disputed: false, chargedOff: true },
    expect: { action: { type: "agency_placement", channel: null }, never: ["call_borrower"] },
    why: "The dispute hold ends when verification is mailed (no conversation in 7 days, so a call is lawful). Ladder 2.1.0: the shipped ladder is the lender's: once verification has gone, a charged-off debt that is not placed goes to an agency (placement-after-charge-off), which then collects; the creditor does not call.",
    source: "12 CFR 1006.38(d)(2)",
  },
  {
    id: "US-HOLD-02",
    story:
      "At DPD 120 ($4,000) the borrower wrote on 11-12 'stop contacting me': hold, with an internal legal review alongside.",
    asOf: US_NOW,
    account: build(
      us("US-HOLD-02", 120).balance("4000.00").event("cease_requested", "2026-11-12", { written: true }),
      usDues,
    ),
    facts: { ceaseContact: true, dpd: 120 },
    expect: {
      action: { type: "hold", channel: null, params: { reason: "ceaseContact" } },
      alongside: ["legal_review"],
      never: ["call_borrower", "send_sms_reminder", "send_email_reminder", "send_formal_letter"],
    },
    why: "After a written cease request only a letter saying collection ends or naming a remedy actually decided (purpose other / remedy_notice) may go; a cease request does not bar a lawful remedy.",
    source: "FDCPA §1692c(c); 12 CFR 1006.6(c)",
  },
  {
    id: "US-BK-01",
    story: "At DPD 45 a Chapter 7 petition was filed on 11-17: automatic stay.",
    asOf: US_NOW,
    account: build(us("US-BK-01", 45).event("bankruptcy_filed", "2026-11-17", { chapter: "7" }), usDues),
    facts: { bankrupt: true },
    expect: {
      action: { type: "bankruptcy_hold", channel: null },
      holds: [{ status: "bankrupt" }],
      never: ["call_borrower", "send_formal_letter", "send_email_reminder"],
    },
    why: "No contact at all, not even a 'voluntary' payment request; ends on dismissal or discharge.",
    source: "11 U.S.C. §362(a)(6)",
  },
  {
    id: "US-BK-02",
    story: "The debt was discharged in Chapter 7 on 11-10 (DPD 150): close it, never collect again.",
    asOf: US_NOW,
    account: build(
      us("US-BK-02", 150)
        .event("bankruptcy_filed", "2026-07-28", { chapter: "7" })
        .event("bankruptcy_discharged", "2026-11-10"),
      usDues,
    ),
    facts: { bankruptcyDischarged: true, bankrupt: false },
    expect: {
      action: { type: "write_off_review", channel: null },
      never: ["call_borrower", "send_formal_letter", "agency_placement", "placement_review", "legal_review"],
    },
    why: "The discharge injunction: no collection, placement or sale; report as discharged in bankruptcy.",
    source: "11 U.S.C. §524(a)(2)",
  },
  {
    id: "US-ATTY-01",
    story:
      "At DPD 60 the borrower's attorney wrote on 11-13 that they represent them on this debt: no contact with the borrower.",
    asOf: US_NOW,
    account: build(us("US-ATTY-01", 60).event("attorney_retained", "2026-11-13"), usDues),
    facts: { attorneyRepresented: true },
    expect: {
      action: { type: "hold", channel: null, params: { reason: "attorneyRepresented" } },
      never: ["call_borrower", "send_sms_reminder", "send_email_reminder"],
    },
    why: "Communicate only with the attorney; direct contact resumes only if the attorney does not respond in a reasonable period (prudent 30 days) or consents.",
    source: "FDCPA §1692c(a)(2); 12 CFR 1006.6(b)(2)",
  },
  {
    id: "US-SCRA-01",
    story:
      "An active-duty servicemember (DMDC check 11-20 positive) at DPD 110 ($6,200) with two broken promises: servicemember review before any legal step.",
    asOf: US_NOW,
    account: build(
      us("US-SCRA-01", 110)
        .balance("6200.00")
        .patch({ openedOn: "2025-03-10" })
        .event("servicemember_checked", "2026-11-20", { active: true })
        .contact(promised("2026-09-10T10:00:00-05:00", "700.00", "2026-09-15"))
        .contact(promised("2026-10-15T10:00:00-05:00", "700.00", "2026-10-20")),
      usDues,
    ),
    facts: { servicememberActive: true, promisesBroken90d: 2, dpd: 110 },
    expect: {
      action: { type: "call_borrower", channel: "call" },
      alongside: ["placement_review"],
      never: ["legal_review", "send_final_notice", "servicemember_review"],
    },
    why: "No default judgment without the military-service affidavit; possible stay; 6% cap on pre-service debt on notice. Ordinary lawful contact may continue; never the commanding officer. servicemember_review is the status check, already done (positive on 11-20), so the legal path is closed; a final notice that announces legal review must not go to a servicemember the lender will not sue. Ladder 2.2.0: the placement review goes alongside the ordinary calls.",
    source: "50 U.S.C. §3931, §3937; FDCPA §1692c(b)",
  },
  {
    id: "US-SCRA-02",
    story:
      "At DPD 110 ($6,200) after two broken promises, nobody has checked whether the borrower is on active duty: check before any legal step.",
    asOf: US_NOW,
    account: build(
      us("US-SCRA-02", 110)
        .balance("6200.00")
        .patch({ openedOn: "2025-03-10" })
        .contact(promised("2026-09-10T10:00:00-05:00", "700.00", "2026-09-15"))
        .contact(promised("2026-10-15T10:00:00-05:00", "700.00", "2026-10-20")),
      usDues,
    ),
    facts: { servicememberActive: null, promisesBroken90d: 2, dpd: 110 },
    expect: { action: { type: "servicemember_review", channel: null }, never: ["legal_review"] },
    why: "SCRA: no default judgment without the military-service affidavit, so the DMDC check comes before legal review (servicemember-check).",
    source: "50 U.S.C. §3931",
  },
  {
    id: "US-LEGAL-01",
    story:
      "The same borrower checked on 11-20 and not on active duty (DPD 110, $6,200, two broken promises, debt within New York's 3 years): legal review, with a final notice.",
    asOf: US_NOW,
    account: build(
      us("US-LEGAL-01", 110)
        .balance("6200.00")
        .patch({ openedOn: "2025-03-10" })
        .event("servicemember_checked", "2026-11-20", { active: false })
        .contact(promised("2026-09-10T10:00:00-05:00", "700.00", "2026-09-15"))
        .contact(promised("2026-10-15T10:00:00-05:00", "700.00", "2026-10-20")),
      usDues,
    ),
    facts: { servicememberActive: false, promisesBroken90d: 2, dpd: 110 },
    expect: {
      action: { type: "legal_review", channel: null },
      alongside: [{ type: "send_final_notice", channel: "letter" }, "placement_review"],
      never: ["servicemember_review", "call_borrower"],
    },
    why: "P11: 90+ days, at least $1,000, not time-barred, not bankrupt, status checked, two broken promises; the final notice states only what is intended. Ladder 2.2.0: the placement review goes alongside from 90 days; here it is the attorney route of P12 (located, ≥ $5,000, SOL and SCRA checked), consistent with the legal review.",
    source: "FDCPA §1692e(5); 12 CFR 1006.26(b); 50 U.S.C. §3931",
  },
  {
    id: "US-SOL-01",
    story:
      "A New York card charged off in February 2024, last paid 2023-08-10, is time-barred: no legal review, a recovery letter saying we cannot sue.",
    asOf: US_NOW,
    account: build(
      us("US-SOL-01", 0)
        .product("revolving")
        .creditLimit("6000.00")
        .balance("5400.00")
        .event("charged_off", "2024-02-06"),
      (a) => {
        const dues = months("2022-09-10", 17).map((dueDate) => ({ dueDate, amount: "150.00" }));
        a.dues = dues;
        a.payments = months("2022-09-10", 12).map((date) => ({ date, amount: "150.00" }));
        a.openedOn = "2022-08-01";
      },
    ),
    facts: { chargedOff: true, daysSinceLastPayment: { atLeast: 1000 } },
    expect: {
      action: {
        type: "send_formal_letter",
        channel: "letter",
        params: { stage: "recovery" },
        message: { must: [/cannot sue you|can't sue you|will not sue you/i], mustNot: [/restart/i, /lawsuit|court/i] },
      },
      or: [{ type: "no_action", channel: null, params: { reason: "time_barred" } }],
      never: ["legal_review"],
    },
    why: "NY CPLR 214-i: 3 years for consumer-credit transactions and a payment does not revive it; never threaten or suggest a suit on a time-barred debt.",
    source: "12 CFR 1006.26(b); NY CPLR 214-i; 23 NYCRR 1.3",
    needs: ["the New York 3-year limitation period in us-reg-f (timeBarred)"],
  },

  // ---------- holidays, charge-off, complaints ----------
  {
    id: "US-HOLIDAY-01",
    story: "On Thanksgiving (11-26) a borrower at DPD 15 is not contacted; the call waits for 08:00 on 11-27.",
    asOf: "2026-11-26T10:00:00-05:00",
    account: build(us("US-HOLIDAY-01", 15, { on: "2026-11-26" }).asOf("2026-11-26T10:00:00-05:00"), usDues),
    facts: { dpd: 15, asOfLocalWeekday: 4 },
    expect: {
      deferred: [{ type: "call_borrower", codes: ["REST_DAY"], earliestAt: "2026-11-27T08:00:00-05:00" }],
    },
    why: "P8 (policy; Reg F's test is 'inconvenient time', which a consumer may say includes holidays). Ladder 2.1.0: us-reg-f's federal-holiday rest day blocks calls and visits (code REST_DAY); a text or e-mail stays lawful, a documented policy choice of the profile.",
    source: "P8",
    needs: ["a holiday calendar in us-reg-f listing 2026-11-26 (restDays, code HOLIDAY)"],
  },
  {
    id: "US-CO-01",
    story: "A card reaches 180 days past due ($5,900): charge-off review and primary agency placement.",
    asOf: US_NOW,
    account: build(
      us("US-CO-01", 180, { amount: "150.00" }).product("revolving").creditLimit("6000.00").balance("5900.00"),
    ),
    facts: { dpd: 180, chargeOffDue: true },
    expect: {
      action: { type: "write_off_review", channel: null },
      never: ["call_borrower", "legal_review"],
    },
    why: "FFIEC: revolving credit charged off at 180 days; once placed, one voice to the consumer (the agency sends the validation notice within 5 days). Ladder 2.1.0: placement follows the recorded charge-off (placement-after-charge-off), one step after the review, not alongside it.",
    source: "FFIEC Uniform Retail Credit Classification; 12 CFR 1006.34",
  },
  {
    id: "US-CO-02",
    story:
      "A charged-off card placed with the primary agency on 05-10 for 180 days recovered nothing: recall it and review the next placement.",
    asOf: US_NOW,
    account: build(
      us("US-CO-02", 403, { amount: "150.00", history: 6 })
        .product("revolving")
        .creditLimit("6000.00")
        .balance("5900.00")
        .event("charged_off", "2026-04-15")
        .event("agency_placed", "2026-05-10", { agency: "PRIMARY-1" })
        .event("servicemember_checked", "2026-11-01", { active: false }),
    ),
    facts: { placedWithAgency: true, daysSinceAgencyPlaced: 197, chargedOff: true },
    expect: { action: { type: "agency_recall", channel: null }, never: ["call_borrower"] },
    why: "P12 thresholds: attorney (≥ $5,000) or a secondary agency; each new collector sends a fresh validation notice. Ladder 2.1.0: the recall is its own step; the next decision, once the placement has ended, chooses the next placement.",
    source: "P12",
  },
  {
    id: "US-CO-03",
    story: "A charged-off account on a $150/month recovery plan (agreed 08-01) paid every month: nothing to do.",
    asOf: US_NOW,
    account: build(
      us("US-CO-03", 250, { amount: "150.00", history: 6 })
        .balance("4000.00")
        .event("charged_off", "2026-03-15")
        .payment({ amount: "150.00", date: "2026-08-05" })
        .payment({ amount: "150.00", date: "2026-09-05" })
        .payment({ amount: "150.00", date: "2026-10-05" })
        .payment({ amount: "150.00", date: "2026-11-05" }),
      arrangements({
        id: "R1",
        kind: "installment_plan",
        agreedOn: "2026-08-01",
        schedule: months("2026-08-05", 24).map((dueDate) => ({ dueDate, amount: "150.00" })),
      }),
    ),
    facts: { chargedOff: true, onArrangement: true, arrangementStatus: "on_track" },
    expect: {
      action: { type: "arrangement_monitor", channel: null },
      or: [{ type: "no_action", channel: null, params: { reason: "arrangement_on_track" } }],
      never: ["call_borrower", "send_formal_letter", "agency_placement"],
    },
    why: "P13: an arrangement on track is honoured; no collection contact.",
    source: "P13",
    needs: ["facts onArrangement, arrangementStatus (#11)"],
  },
  {
    id: "US-COMPLAINT-01",
    story:
      "A CFPB complaint about fees (opened 11-02) was closed on 11-16; at DPD 45 with no conversation in 7 days, resume with a call.",
    asOf: US_NOW,
    account: build(
      us("US-COMPLAINT-01", 45).event("complaint_opened", "2026-11-02").event("complaint_resolved", "2026-11-16"),
      usDues,
    ),
    facts: { complaintOpen: false, dpd: 45 },
    expect: {
      action: { type: "call_borrower", channel: "call", earliestAt: "now", message: { mustNot: [/complaint/i] } },
    },
    why: "P9: resume after resolution, preferably with a different agent; never link the complaint to payment.",
    source: "P9",
  },
  {
    id: "US-COMPLAINT-01b",
    story: "At DPD 45 a CFPB complaint about fees opened 11-02 is still open: hold.",
    asOf: US_NOW,
    account: build(us("US-COMPLAINT-01b", 45).event("complaint_opened", "2026-11-02"), usDues),
    facts: { complaintOpen: true },
    expect: {
      action: { type: "hold", channel: null, params: { reason: "complaintOpen" } },
      holds: [{ status: "complaintOpen" }],
      never: ["call_borrower", "send_sms_reminder"],
    },
    why: "P9: calls, SMS and visits pause while a complaint is open.",
    source: "P9",
  },
];
