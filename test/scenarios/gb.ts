/**
 * United Kingdom: scenarios of the book, from /work/notes/scenario-oracle.md §4 (base: GBP,
 * GB-ENG, Europe/London, en-GB, £250 on the 20th = £210 principal + £40 interest, £6,000
 * principal, income £2,600, 12 clean months; gb-default with uk-conc; 2026-11-23 10:00 local).
 * Every collection message offers to talk about difficulties and signposts free debt advice
 * (MoneyHelper); none presses for a lump sum or for borrowing to pay (CONC 7.3.10R).
 */
import { arrangements, borrower, build, contactsAt, GB_NOW, gb, gbDues, months, series } from "./fixtures.js";
import type { Lines, Scenario } from "./scenario.js";

/**
 * A sentence naming one of `words` that does not negate it: "please pay a lump sum" matches,
 * "you do not need to borrow money or pay a lump sum" does not.
 */
function unnegated(words: string): RegExp {
  return new RegExp(
    `(?:^|[.!?\\n])(?![^.!?\\n]*\\b(?:not|never|no need|don't|doesn't|won't)\\b)[^.!?\\n]*\\b(?:${words})`,
    "i",
  );
}

/** CONC 7.3.10R: no pressure to pay a lump sum or to borrow, sell or use savings to pay. */
const NO_PRESSURE = [unnegated("lump sum|borrow|sell your")] as const;
/** Lines every GB message of a collection decision must and must not carry. */
const GB_MESSAGES: Lines = { mustNot: [...NO_PRESSURE, /employer|neighbour/i] };

/** A letter on record. */
const letter = (
  date: string,
  purpose: "collection" | "arrears_notice" | "default_notice" | "visit_notice" | "letter_of_claim",
) => ({ at: `${date}T09:00:00+00:00`, channel: "letter", outcome: "delivered", purpose }) as const;

/** GB-NOSIA-01: dues 10-20 and 11-20 missed (DPD 34, £500), no arrears notice yet. */
const twoMissed = (id: string) => gb(id, 34);

/** GB-VISIT-01: DPD 100, £12,000, last RPC 09-28, 8 failed calls since, NOSIA and default notice served. */
function visitable(id: string) {
  return contactsAt(
    gb(id, 100, { on: "2026-11-23" })
      .balance("12000.00")
      .contact({ at: "2026-09-28T11:00:00+00:00", outcome: "right_party" })
      .contact(letter("2026-09-20", "arrears_notice"))
      .contact(letter("2026-10-20", "default_notice")),
    series("2026-10-01", 8, 6, "10:00", "+00:00"),
    { outcome: "no_answer" },
  );
}

/** The GB-LEGAL-01 history: NOSIA, default notice 09-01 (remedy 09-16 passed), letter of claim 10-20 unanswered. */
function claimed(id: string) {
  return gb(id, 156)
    .balance("5400.00")
    .contact(letter("2026-07-25", "arrears_notice"))
    .contact(letter("2026-09-01", "default_notice"))
    .contact(letter("2026-10-20", "letter_of_claim"));
}

export const GB_SCENARIOS: readonly Scenario[] = [
  {
    id: "GB-EARLY-01",
    story: "The £250 due on 11-18 is 5 days late and nobody has been in touch: a first SMS reminder that offers help.",
    asOf: GB_NOW,
    account: build(gb("GB-EARLY-01", 5), gbDues),
    facts: { dpd: 5, inGrace: false, smsSent7d: 0 },
    expect: {
      action: { type: "call_borrower", channel: "call", params: { stage: "first" }, earliestAt: "now" },
      never: ["send_default_notice", "legal_review"],
      messages: GB_MESSAGES,
    },
    why: "CONC 7.3.4R (forbearance and due consideration): help and free advice from the first message; uk-conc opt-out text. Ladder 1.0.0: gb-default calls from DPD 4 (call-first), so the first contact after the 3-day grace is a call, where help and debt advice can be offered in conversation; the early SMS is the fallback when calls are blocked.",
    source: "FCA CONC 7.3.4R; uk-conc",
  },
  {
    id: "GB-CALL-01",
    story: "At DPD 12, evaluated at 21:15: too late to call, call at 08:00 tomorrow.",
    asOf: "2026-11-23T21:15:00+00:00",
    account: build(gb("GB-CALL-01", 12).asOf("2026-11-23T21:15:00+00:00"), gbDues),
    facts: { dpd: 12, asOfLocalHour: 21 },
    expect: {
      action: { type: "call_borrower", channel: "call", earliestAt: "2026-11-24T08:00:00+00:00" },
    },
    why: "No contact at unreasonable times (CONC 7.9); 08:00–21:00 is the uk-conc policy choice (P15).",
    source: "FCA CONC 7.9; uk-conc",
  },
  {
    id: "GB-CALL-01b",
    story: "The same borrower at 10:00 with no calls today: call now.",
    asOf: GB_NOW,
    account: build(gb("GB-CALL-01b", 12), gbDues),
    facts: { dpd: 12, callAttemptsToday: 0 },
    expect: { action: { type: "call_borrower", channel: "call", earliestAt: "now" } },
    why: "Inside 08:00–21:00, under the daily cap.",
    source: "uk-conc",
  },
  {
    id: "GB-CALL-01c",
    story:
      "The same borrower at 10:00 after three unanswered calls this morning: the daily cap is reached, the next call is tomorrow.",
    asOf: GB_NOW,
    account: build(gb("GB-CALL-01c", 12).calls(3, { outcome: "no_answer" }), gbDues),
    facts: { dpd: 12, callAttemptsToday: 3 },
    expect: {
      action: { type: "send_sms_reminder", channel: "sms", params: { stage: "follow_up" }, earliestAt: "now" },
      never: ["call_borrower"],
    },
    why: "uk-conc: at most 3 call attempts a day (policy choice under CONC 7.3.4R and 7.9). Ladder 1.0.0: gb-default stops at 2 attempts a day (callAttemptsToday < 2), stricter than uk-conc's 3, so no fourth call is proposed; an SMS follow-up instead.",
    source: "uk-conc calls-daily",
  },
  {
    id: "GB-NOSIA-01",
    story:
      "Two payments missed (10-20 and 11-20, £500) and no arrears notice yet: send the statutory Notice of Sums in Arrears, and call.",
    asOf: GB_NOW,
    account: build(twoMissed("GB-NOSIA-01"), gbDues),
    facts: { dpd: 34, missedPayments: 2, daysSinceArrearsNotice: null },
    expect: {
      action: { type: "call_borrower", channel: "call", earliestAt: "now" },
      alongside: [
        {
          type: "send_arrears_notice",
          channel: "letter",
          earliestAt: "now",
          message: { must: ["£500.00", /arrears information sheet/i] },
        },
      ],
      messages: GB_MESSAGES,
    },
    why: "CCA 1974 s.86B (fixed-sum): the duty arose on 11-20 and the notice must go within 14 days beginning that day (by 12-03), with the FCA arrears information sheet; never delayed because talks are ongoing. Ladder 1.0.0: the statutory notice goes alongside the call (arrears-notice, alongside), so it is never held back by the conversation.",
    source: "Consumer Credit Act 1974 s.86B",
  },
  {
    id: "GB-PTP-01",
    story:
      "Two payments missed (£500); on 11-20 the customer promised to pay £500 by 11-27: wait, but the statutory arrears notice still goes.",
    asOf: GB_NOW,
    account: build(
      twoMissed("GB-PTP-01").contact({
        at: "2026-11-20T11:00:00+00:00",
        outcome: "promise_to_pay",
        promise: { amount: "500.00", dueDate: "2026-11-27" },
      }),
      gbDues,
    ),
    facts: { activePromise: true, activePromiseDueInDays: 4, daysSinceArrearsNotice: null },
    expect: {
      action: { type: "await_promise", channel: null },
      alongside: ["send_arrears_notice"],
      never: ["call_borrower"],
    },
    why: "P1, P2 (kept if paid by 11-29; else a broken-promise call on 11-30 from 08:00); the NOSIA is a parallel statutory letter a promise does not suspend.",
    source: "P1, P2; CCA 1974 s.86B",
  },
  {
    id: "GB-CEASE-01",
    story:
      "At DPD 40 the customer asked on 11-10 to be contacted by letter only (the arrears notice went on 11-16): a follow-up letter, calls blocked.",
    asOf: GB_NOW,
    account: build(
      gb("GB-CEASE-01", 40)
        .optOut("call", "sms", "email")
        .contact(letter("2026-11-02", "collection"))
        .contact(letter("2026-11-16", "arrears_notice")),
      gbDues,
    ),
    facts: { dpd: 40, callOptOut: true, smsOptOut: true },
    expect: {
      action: { type: "no_action", channel: null },
      blocked: [{ type: "call_borrower", codes: ["OPTED_OUT"] }],
      never: ["send_sms_reminder", "send_email_reminder"],
    },
    why: "CONC 7.9: honour reasonable requests about how to be contacted; the statutory notice is already out. Ladder 1.0.0: a letter (the arrears notice) went 7 days ago and gb-default writes at most once in 14 days (formal-letter), so nothing today; the next letter is due from 11-30.",
    source: "FCA CONC 7.9",
  },
  {
    id: "GB-HARD-01",
    story:
      "Hours cut (reported 11-17) at DPD 34; the income and expenditure of 11-19 shows £180 a month spare: a £180 reduced-payment arrangement with interest and charges frozen.",
    asOf: GB_NOW,
    account: build(
      twoMissed("GB-HARD-01")
        .income("1900.00")
        .balance("4500.00")
        .hardship("income_drop", "2026-11-17")
        .contact(letter("2026-11-21", "arrears_notice")),
      gbDues,
      borrower({
        incomeAndExpenditure: { monthlyIncome: "1900.00", essentialExpenditure: "1720.00", completedOn: "2026-11-19" },
      }),
    ),
    facts: { dpd: 34, hardshipKind: "income_drop", monthlyIncome: 1900 },
    expect: {
      action: {
        type: "offer_reduced_payment",
        channel: "letter",
        earliestAt: "now",
        message: {
          must: [
            "£180.00",
            "20 December 2026",
            "20 May 2027",
            /frozen|freeze/i,
            /credit (file|reference)/i,
            "MoneyHelper",
          ],
          mustNot: NO_PRESSURE,
        },
      },
      or: [{ type: "offer_installment_plan", channel: "letter", earliestAt: "now", message: { must: ["£180.00"] } }],
      messages: GB_MESSAGES,
    },
    why: "CONC 7.3.4R forbearance; P5 (GB: the payment is the I&E surplus, never above the £250 instalment; interest and charges frozen; open term, review in 6 months).",
    source: "FCA CONC 7.3.4R",
    needs: ["an offer sized from the I&E surplus with an open term (offers, #11)"],
  },
  {
    id: "GB-HARD-02",
    story:
      "Made redundant on 10-31 (reported 11-09), the customer missed the 11-20 payment: a 3-month payment holiday, interest and charges frozen.",
    asOf: GB_NOW,
    account: build(gb("GB-HARD-02", 3).hardship("unemployment", "2026-11-09"), gbDues),
    facts: { dpd: 3, hardshipKind: "unemployment" },
    expect: {
      action: {
        type: "offer_payment_holiday",
        channel: "letter",
        earliestAt: "now",
        message: { must: ["20 February 2027", /frozen|freeze/i], mustNot: [/token payment/i] },
      },
      or: [{ type: "offer_deferral", channel: "letter", earliestAt: "now", message: { must: ["20 February 2027"] } }],
      messages: GB_MESSAGES,
    },
    why: "P5: unemployment → a 3-month payment holiday (11-20, 12-20, 01-20; resume 2027-02-20), no token payment required.",
    source: "P5; FCA CONC 7.3",
  },
  {
    id: "GB-HARD-03",
    story:
      "At DPD 64 (£750) the customer's budget of 11-18 shows a £40 monthly deficit: no plan, refer to free debt advice and pause for 30 days.",
    asOf: GB_NOW,
    account: build(
      gb("GB-HARD-03", 64).income("1500.00").contact(letter("2026-10-25", "arrears_notice")),
      gbDues,
      borrower({
        incomeAndExpenditure: { monthlyIncome: "1500.00", essentialExpenditure: "1540.00", completedOn: "2026-11-18" },
      }),
    ),
    facts: { dpd: 64, overdueAmount: 750 },
    expect: {
      action: { type: "hardship_review", channel: null },
      alongside: [
        {
          type: "send_debt_advice_signpost",
          channel: "letter",
          message: { must: ["MoneyHelper", "StepChange", "National Debtline"], mustNot: NO_PRESSURE },
        },
      ],
      never: ["offer_installment_plan", "offer_reduced_payment", "offer_settlement", "call_borrower"],
    },
    why: "P6: nothing is affordable on a negative budget; collection suspended 30 days (to 2026-12-23) to allow debt advice.",
    source: "FCA CONC 7.3 (time for debt advice)",
    needs: ["a fact for the I&E surplus or deficit (borrower.incomeAndExpenditure)"],
  },
  {
    id: "GB-SETTLE-01",
    story:
      "At DPD 126 (£3,800) in the settlement segment, a customer who never asked about settling is not pressed for a discounted lump sum.",
    asOf: GB_NOW,
    account: build(
      gb("GB-SETTLE-01", 126)
        .balance("3800.00")
        .hardship("income_drop", "2026-09-01")
        .contact(letter("2026-08-25", "arrears_notice"))
        .contact(letter("2026-10-01", "default_notice")),
      gbDues,
    ),
    facts: { dpd: 126, hardshipKind: "income_drop" },
    expect: {
      never: ["offer_settlement"],
      messages: { mustNot: [...NO_PRESSURE, /discount/i, /expires/i] },
    },
    why: "CONC 7.3.10R: no pressure for a lump sum; invite an I&E and list the options (payment plan, payment break, interest and charges reduced) instead.",
    source: "FCA CONC 7.3.10R",
  },
  {
    id: "GB-SETTLE-01b",
    story:
      "As GB-SETTLE-01 but on 11-19 the customer asked in writing whether they could settle for less (£2,000): answer with a written offer valid at least 30 days.",
    asOf: GB_NOW,
    account: build(
      gb("GB-SETTLE-01b", 126)
        .balance("3800.00")
        .hardship("income_drop", "2026-09-01")
        .contact(letter("2026-08-25", "arrears_notice"))
        .contact(letter("2026-10-01", "default_notice"))
        .contact({ at: "2026-11-19T14:00:00+00:00", channel: "email", direction: "inbound", outcome: "right_party" }),
      gbDues,
    ),
    facts: { dpd: 126, inboundContacts30d: 1 },
    expect: {
      action: {
        type: "offer_settlement",
        channel: "letter",
        earliestAt: "now",
        message: { must: ["MoneyHelper"], mustNot: [...NO_PRESSURE, /today only|act now|expires (today|tomorrow)/i] },
      },
    },
    why: "A settlement only in response to the customer's own request, in writing, valid ≥ 30 days, never chased (CONC 7.3.10R).",
    source: "FCA CONC 7.3.10R",
    needs: ["a settlement request on record (e.g. a contact purpose or event settlement_requested)"],
  },
  {
    id: "GB-VULN-01",
    story:
      "At DPD 100 (£9,000, visit-eligible) the customer disclosed severe depression and caring responsibilities on 11-05: specialist team, no visit.",
    asOf: GB_NOW,
    account: build(
      gb("GB-VULN-01", 100)
        .balance("9000.00")
        .event("vulnerability_reported", "2026-11-05")
        .contact(letter("2026-09-20", "arrears_notice")),
      gbDues,
    ),
    facts: { vulnerable: true, dpd: 100 },
    expect: {
      action: { type: "specialist_referral", channel: null },
      never: ["send_visit_notice", "home_visit", "arrange_visit", "legal_review", "send_default_notice"],
    },
    why: "CONC 7.2.1R, FG21/1: specialist handling, calls only by that team within 1 a day / 3 in 7 days, a third-party authority and adjusted communication; uk-conc HOLD_VULNERABLE_NO_VISIT.",
    source: "FCA CONC 7.2.1R; FG21/1",
  },
  {
    id: "GB-BS-01",
    story:
      "A standard breathing space started on 10-01 with no end date given (DPD 64): no collection until after 11-29.",
    asOf: GB_NOW,
    account: build(gb("GB-BS-01", 64).event("breathing_space_started", "2026-10-01", { kind: "standard" }), gbDues),
    facts: { breathingSpace: true, holdReviewInDays: 7 },
    expect: {
      action: { type: "hold", channel: null, params: { reason: "breathingSpace" } },
      holds: [{ status: "breathingSpace", reviewOn: "2026-11-30" }],
      never: ["call_borrower", "send_sms_reminder", "send_formal_letter"],
    },
    why: "60 days beginning 10-01: the last protected day is 11-29 (not 11-30); interest, fees and charges frozen; only statements the law requires.",
    source: "Debt Respite Scheme Regulations 2020, reg. 7",
  },
  {
    id: "GB-BS-02",
    story:
      "A breathing space (09-23 to 11-21) has just ended; the account is at DPD 95 with no contact since 09-23: a gentle letter about the debt advice outcome.",
    asOf: GB_NOW,
    account: build(
      gb("GB-BS-02", 95)
        .event("breathing_space_started", "2026-09-23", { kind: "standard", until: "2026-11-21" })
        .contact(letter("2026-09-22", "arrears_notice")),
      gbDues,
    ),
    facts: { breathingSpace: false, dpd: 95 },
    expect: {
      action: {
        type: "send_formal_letter",
        channel: "letter",
        earliestAt: "now",
        message: {
          must: [/debt advice/i, /income and expenditure|budget/i],
          mustNot: [/pay (all|the full) (of )?the arrears/i],
        },
      },
      or: [{ type: "send_debt_advice_signpost", channel: "letter", earliestAt: "now" }],
      never: ["send_default_notice", "legal_review", "call_borrower"],
      messages: GB_MESSAGES,
    },
    why: "After the moratorium: ask about the debt advice outcome (e.g. a debt management plan), invite an I&E or a plan; no default notice or legal step for 14 days (to 12-07); nothing frozen is added back.",
    source: "Debt Respite Scheme Regulations 2020; FCA CONC 7.3",
    needs: [
      "a post-moratorium letter stage (the vocabulary's send_formal_letter has none)",
      "a fact for days since a breathing space ended",
    ],
  },
  {
    id: "GB-MHCM-01",
    story: "A mental-health crisis moratorium since 08-03; crisis treatment ended 11-01: hold through 12-01.",
    asOf: GB_NOW,
    account: build(
      gb("GB-MHCM-01", 95)
        .event("breathing_space_started", "2026-08-03", { kind: "mental_health" })
        .event("mental_health_treatment_ended", "2026-11-01")
        .event("vulnerability_reported", "2026-08-03"),
      gbDues,
    ),
    facts: { mentalHealthMoratorium: true, vulnerable: true },
    expect: {
      action: { type: "hold", channel: null, params: { reason: "breathingSpace" } },
      holds: [{ status: "mentalHealthMoratorium", reviewOn: "2026-12-02" }],
      never: ["call_borrower", "send_sms_reminder", "send_formal_letter"],
    },
    why: "The moratorium lasts while treatment continues plus 30 days (to 12-01); no collection contact before 12-02. Ladder 1.0.0: one rule (hold-breathing-space) holds both moratoria, so the action's reason is breathingSpace; the hold reported is the mental-health one, with its end.",
    source: "Debt Respite Scheme Regulations 2020 (mental-health crisis moratorium)",
  },
  {
    id: "GB-MHCM-01b",
    story: "The same customer on 12-02, the day the moratorium ends: the specialist team, not the standard ladder.",
    asOf: "2026-12-02T10:00:00+00:00",
    account: build(
      gb("GB-MHCM-01b", 95)
        .asOf("2026-12-02T10:00:00+00:00")
        .event("breathing_space_started", "2026-08-03", { kind: "mental_health" })
        .event("mental_health_treatment_ended", "2026-11-01")
        .event("vulnerability_reported", "2026-08-03"),
      gbDues,
    ),
    facts: { mentalHealthMoratorium: false, vulnerable: true },
    expect: {
      action: { type: "specialist_referral", channel: null },
      never: ["call_borrower", "send_visit_notice", "legal_review", "send_default_notice"],
    },
    why: "A customer leaving a mental-health crisis moratorium is vulnerable: specialist handling (CONC 7.2.1R).",
    source: "FCA CONC 7.2.1R; FG21/1",
  },
  {
    id: "GB-COMPLAINT-01",
    story:
      "At DPD 40 a complaint about charges has been open since 11-18 (final response due by 2027-01-13): hold calls and visits, but the arrears notice still goes.",
    asOf: GB_NOW,
    account: build(gb("GB-COMPLAINT-01", 40).event("complaint_opened", "2026-11-18"), gbDues),
    facts: { complaintOpen: true, missedPayments: 2, daysSinceArrearsNotice: null },
    expect: {
      action: { type: "hold", channel: null, params: { reason: "complaintOpen" } },
      alongside: ["send_arrears_notice"],
      holds: [{ status: "complaintOpen" }],
      never: ["call_borrower", "home_visit"],
    },
    why: "P9 and the uk-conc complaint hold; statutory letters are still sent when due (the NOSIA duty arose on 11-14). Ends with the final response (FOS referral rights).",
    source: "FCA DISP 1.6 (8 weeks); uk-conc; CCA 1974 s.86B",
  },
  {
    id: "GB-VISIT-01",
    story:
      "At DPD 100 (£12,000), not vulnerable, last spoken to on 09-28 with 8 failed calls since and the default notice served: give 7 days' written notice of a visit.",
    asOf: GB_NOW,
    account: build(visitable("GB-VISIT-01"), gbDues),
    facts: { dpd: 100, daysSinceVisitNotice: null, unreachable: false },
    expect: {
      action: { type: "send_letter_of_claim", channel: "letter", earliestAt: "now" },
      alongside: [
        {
          type: "send_visit_notice",
          channel: "letter",
          message: {
            must: [/purpose/i, "30 November 2026", /identification|\bID\b/, /not (come in|enter)/i, "MoneyHelper"],
          },
        },
      ],
      messages: GB_MESSAGES,
    },
    why: "CONC 7.9.12R: explain the purpose of a first visit and give adequate notice (uk-conc: 7 days); visits Mon–Sat 09:00–20:00; paying, a plan or a call avoids it. Ladder 1.0.0: the default notice expired long ago, so gb-default sends the Pre-Action Protocol letter of claim and the 7-day visit notice goes alongside it.",
    source: "FCA CONC 7.9.12R; uk-conc visit-notice",
  },
  {
    id: "GB-VISIT-01b",
    story:
      "The visit notice went on 11-23 and nothing has been heard since; on Tuesday 12-01 at 10:00 the visit may go ahead.",
    asOf: "2026-12-01T10:00:00+00:00",
    account: build(
      visitable("GB-VISIT-01b")
        .asOf("2026-12-01T10:00:00+00:00")
        .contact(letter("2026-11-23", "visit_notice"))
        .contact(letter("2026-11-23", "letter_of_claim")),
      gbDues,
    ),
    facts: { daysSinceVisitNotice: 8, visits30d: 0 },
    expect: { action: { type: "home_visit", channel: "visit", earliestAt: "now" } },
    why: "Notice served ≥ 7 days before, within its 30-day validity, inside Mon–Sat 09:00–20:00. Ladder 1.0.0: the letter of claim went with the visit notice on 11-23 (GB-VISIT-01), so the fixture has it too.",
    source: "FCA CONC 7.9.12R; uk-conc",
  },
  {
    id: "GB-VISIT-01c",
    story: "The same visit considered on Sunday 12-06 at 11:00: not on a Sunday, Monday 09:00 at the earliest.",
    asOf: "2026-12-06T11:00:00+00:00",
    account: build(
      visitable("GB-VISIT-01c")
        .asOf("2026-12-06T11:00:00+00:00")
        .contact(letter("2026-11-23", "visit_notice"))
        .contact(letter("2026-11-23", "letter_of_claim")),
      gbDues,
    ),
    facts: { daysSinceVisitNotice: 13, asOfLocalWeekday: 7 },
    expect: { deferred: [{ type: "home_visit", codes: ["OUTSIDE_WINDOW"], earliestAt: "2026-12-07T09:00:00+00:00" }] },
    why: "uk-conc visit-hours: Monday–Saturday 09:00–20:00. Ladder 1.0.0: the letter of claim went with the visit notice on 11-23 (GB-VISIT-01), so the fixture has it too.",
    source: "uk-conc visit-hours",
  },
  {
    id: "GB-UNREACH-01",
    story:
      "At DPD 69 the customer cannot be traced (12 failed attempts, the mobile returns wrong number): credit-reference trace and a letter to the last known address.",
    asOf: GB_NOW,
    account: build(
      contactsAt(
        contactsAt(
          gb("GB-UNREACH-01", 69, { on: "2026-11-23" })
            .contact({ at: "2026-09-10T11:00:00+00:00", outcome: "right_party" })
            .contact(letter("2026-10-20", "arrears_notice")),
          series("2026-09-25", 9, 5, "10:00", "+00:00"),
          { outcome: "no_answer" },
        ),
        ["2026-11-15T10:00:00+00:00", "2026-11-18T10:00:00+00:00", "2026-11-21T10:00:00+00:00"],
        { outcome: "wrong_number" },
      ),
      gbDues,
    ),
    facts: { dpd: 69, unreachable: true, consecutiveFailedAttempts: 12 },
    expect: {
      action: { type: "send_formal_letter", channel: "letter", params: { stage: "unreachable" } },
      alongside: ["skip_trace"],
      messages: GB_MESSAGES,
    },
    why: "Tracing only; third parties are never told of the debt (uk-conc third-party rule, UK GDPR). Ladder 1.0.0: the letter to the last known address is the primary action, the trace alongside; one letter only.",
    source: "uk-conc thirdParty; UK GDPR",
  },
  {
    id: "GB-DN-01",
    story:
      "Four payments missed (08-20…11-20, £1,000), the arrears notice sent 09-28, no arrangement: serve the default notice.",
    asOf: GB_NOW,
    account: build(gb("GB-DN-01", 95).contact(letter("2026-09-28", "arrears_notice")), gbDues),
    facts: { dpd: 95, missedPayments: 4, daysSinceDefaultNotice: null },
    expect: {
      action: {
        type: "send_default_notice",
        channel: "letter",
        earliestAt: "now",
        message: { must: ["£1,000.00", /default information sheet/i, /(9|10) December 2026/] },
      },
      messages: GB_MESSAGES,
    },
    why: "CCA 1974 ss.87–88: the remedy date is ≥ 14 days after service (posted 11-23, served after 2 business days: not before 12-09, prudently 12-10); no termination before it passes.",
    source: "Consumer Credit Act 1974 ss.87–88",
  },
  {
    id: "GB-LEGAL-01",
    story:
      "Default notice served 09-01, agreement terminated 09-24, a letter of claim on 10-20 unanswered for 30 days: legal review for a county-court claim.",
    asOf: GB_NOW,
    account: build(claimed("GB-LEGAL-01"), gbDues),
    facts: { daysSinceLetterOfClaim: 34, daysSinceDefaultNotice: 83 },
    expect: { action: { type: "legal_review", channel: null } },
    why: "P11 (GB): the Pre-Action Protocol's 30 days to respond have passed without a reply or a debt-advice request; not vulnerable, no moratorium, well inside 6 years.",
    source: "Pre-Action Protocol for Debt Claims; Limitation Act 1980 s.5",
  },
  {
    id: "GB-LEGAL-01b",
    story:
      "As GB-LEGAL-01 but the customer replied on 11-15 that they are seeking debt advice: no proceedings, wait at least 30 days.",
    asOf: GB_NOW,
    account: build(
      claimed("GB-LEGAL-01b")
        .contact({ at: "2026-11-15T12:00:00+00:00", channel: "letter", direction: "inbound", outcome: "right_party" })
        .event("debt_advice_engaged", "2026-11-15"),
      gbDues,
    ),
    facts: { daysSinceLetterOfClaim: 34, daysSinceDebtAdvice: 8 },
    expect: {
      action: { type: "no_action", channel: null, params: { reason: "debt_advice" } },
      never: ["legal_review", "call_borrower"],
    },
    why: "Pre-Action Protocol: allow a reasonable time for debt advice (at least 30 days from the reply, to 12-15). Ladder 1.0.0: the pause is gb-default's debt-advice-pause (no_action, reason debt_advice, 30 days from the engagement).",
    source: "Pre-Action Protocol for Debt Claims",
  },
  {
    id: "GB-DECEASED-01",
    story:
      "The customer died on 11-05 and the executor told us on 11-12 (DPD 13): bereavement team, personal representative only.",
    asOf: GB_NOW,
    account: build(gb("GB-DECEASED-01", 13).event("deceased_reported", "2026-11-12"), gbDues),
    facts: { deceased: true },
    expect: {
      action: { type: "deceased_review", channel: null },
      never: ["call_borrower", "send_sms_reminder", "send_formal_letter"],
    },
    why: "CONC 7 (fair treatment): no letters to the deceased demanding payment; next of kin who are not liable are never asked to pay; interest and charges frozen (prudent).",
    source: "FCA CONC 7; uk-conc deceased hold",
  },
  {
    id: "GB-ARR-01",
    story:
      "A debt management plan through a debt charity (£45 a month on the 3rd since 09-01) has been paid every month: monitor, no collection calls.",
    asOf: GB_NOW,
    account: build(
      gb("GB-ARR-01", 126)
        .contact(letter("2026-09-10", "arrears_notice"))
        .payment({ amount: "45.00", date: "2026-09-03" })
        .payment({ amount: "45.00", date: "2026-10-03" })
        .payment({ amount: "45.00", date: "2026-11-03" }),
      gbDues,
      arrangements({
        id: "DMP1",
        kind: "debt_management_plan",
        agreedOn: "2026-09-01",
        schedule: months("2026-09-03", 60).map((dueDate) => ({ dueDate, amount: "45.00" })),
      }),
    ),
    facts: { onArrangement: true, arrangementStatus: "on_track", daysSinceArrearsNotice: 74 },
    expect: {
      action: { type: "arrangement_monitor", channel: null },
      or: [{ type: "no_action", channel: null, params: { reason: "arrangement_on_track" } }],
      never: ["call_borrower", "send_sms_reminder", "send_visit_notice", "send_default_notice", "legal_review"],
    },
    why: "P13 (on track); the statutory arrears notice keeps going every 6 months while arrears remain (next by about 2027-03).",
    source: "P13; CCA 1974 s.86B(3)",
    needs: ["facts onArrangement, arrangementStatus (#11)"],
  },
  {
    id: "GB-CO-01",
    story:
      "A card at 181 days past due (£5,100, default registered in August, an I&E from October on file): charge-off review and agency placement with the full history.",
    asOf: GB_NOW,
    account: build(
      gb("GB-CO-01", 181, { amount: "130.00" })
        .product("revolving")
        .creditLimit("5500.00")
        .balance("5100.00")
        .contact(letter("2026-06-30", "arrears_notice"))
        .contact(letter("2026-07-20", "default_notice")),
      borrower({
        incomeAndExpenditure: { monthlyIncome: "2100.00", essentialExpenditure: "1950.00", completedOn: "2026-10-12" },
      }),
    ),
    facts: { dpd: 181, chargeOffDue: true },
    expect: { action: { type: "write_off_review", channel: null }, never: ["legal_review"] },
    why: "The handoff carries the I&E, the arrangement and hardship history and any vulnerability; the agency is bound by CONC 7 and the same holds. Ladder 1.0.0: agency placement follows the recorded charge-off (placement-after-charge-off), not alongside the review.",
    source: "FCA CONC 7",
  },
];
