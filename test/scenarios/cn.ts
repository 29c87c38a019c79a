/**
 * China: scenarios of the book, from /work/notes/scenario-oracle.md §2 (base: CNY, Asia/Shanghai,
 * zh-CN, ¥2,000 on the 20th = ¥1,800 principal + ¥200 interest, ¥30,000 principal, income
 * ¥10,000, 12 clean months; cn-default with cn-2026; 2026-11-23 10:00 local).
 */
import {
  arrangements,
  borrower,
  build,
  CN_NOW,
  cn,
  cnDues,
  contactsAt,
  months,
  paidLate,
  schedule,
  series,
  visitDetails,
} from "./fixtures.js";
import type { Scenario } from "./scenario.js";

/** Nothing a message to the borrower may say about third parties, blacklists or the courts. */
const NO_THIRD_PARTIES = /家人|亲属|亲友|单位|同事|通讯录|邻居/;
const NO_THREATS = [/起诉|律师函|诉讼/, "黑名单", NO_THIRD_PARTIES] as const;
const OPT_OUT = "回复TD退订";

// ---------- shared stories ----------

/** CN-CALL-01: due 11-15 unpaid, ¥9.60 penalty interest, an SMS on 11-19 delivered, no calls. */
const call01 = cn("CN-CALL-01", 8)
  .balance({ principal: "30000.00", penaltyInterest: "9.60" })
  .contact({ at: "2026-11-19T10:05:00+08:00", channel: "sms", outcome: "delivered", purpose: "reminder" });

/** CN-LETTER-01: dues 10-20 and 11-20 unpaid, ¥4,096.50 overdue, last RPC 10-28, five unanswered calls, no letter. */
const letter01 = contactsAt(
  cn("CN-LETTER-01", 34)
    .balance({ principal: "27000.00", interest: "400.00", penaltyInterest: "96.50" })
    .contact({ at: "2026-10-28T15:00:00+08:00", outcome: "right_party" }),
  series("2026-11-17", 5, 1, "10:00", "+08:00"),
  { outcome: "no_answer" },
);

/** CN-UNREACH-01: three dues unpaid from 09-15, last RPC 09-18, 14 unanswered calls, a dead number, SMS undeliverable. */
function unreach(id: string, lastLetter: string) {
  return contactsAt(
    contactsAt(
      cn(id, 69)
        .balance("28000.00")
        .contact({ at: "2026-09-18T11:00:00+08:00", outcome: "right_party" })
        .contact({
          at: `${lastLetter}T09:00:00+08:00`,
          channel: "letter",
          outcome: "delivered",
          purpose: "collection",
        }),
      series("2026-10-01", 14, 3, "10:00", "+08:00"),
      { outcome: "no_answer" },
    ),
    ["2026-11-16T10:00:00+08:00", "2026-11-18T10:00:00+08:00", "2026-11-20T10:00:00+08:00"],
    { outcome: "wrong_number" },
  ).contact({ at: "2026-11-20T10:30:00+08:00", channel: "sms", outcome: "undeliverable", purpose: "reminder" });
}

const brother = borrower({ emergencyContacts: [{ id: "EC1", relationship: "sibling" }] });

/** The visit stories: ¥3,000 on the 20th, 08-20…11-20 unpaid (DPD 95, M4), ¥12,640 overdue, ¥52,000 outstanding. */
function visitAccount(id: string) {
  return cn(id, 95, { amount: "3000.00" }).balance({ principal: "51360.00", penaltyInterest: "640.00" });
}

/** CN-VISIT-01's history: a broken promise (¥3,000 by 10-25), a refusal on 11-16, five unanswered calls. */
function visitHistory(id: string) {
  return contactsAt(
    visitAccount(id)
      .contact({
        at: "2026-10-20T14:00:00+08:00",
        outcome: "promise_to_pay",
        promise: { amount: "3000.00", dueDate: "2026-10-25" },
      })
      .contact({ at: "2026-11-16T15:00:00+08:00", outcome: "refused" }),
    [
      "2026-11-18T10:00:00+08:00",
      "2026-11-19T10:00:00+08:00",
      "2026-11-19T16:00:00+08:00",
      "2026-11-20T10:00:00+08:00",
      "2026-11-21T10:00:00+08:00",
    ],
    { outcome: "no_answer" },
  );
}

/** CN-VISIT-02: the borrower agreed on 11-24 to a visit at home on 11-30 14:00; confirmation and reminder SMS delivered. */
function appointment(id: string, visitAt: string) {
  return visitHistory(id)
    .contact({ at: "2026-11-24T11:00:00+08:00", outcome: "right_party", appointment: { at: visitAt, kind: "visit" } })
    .contact({ at: "2026-11-24T11:10:00+08:00", channel: "sms", outcome: "delivered", purpose: "visit_appointment" })
    .contact({ at: "2026-11-29T18:00:00+08:00", channel: "sms", outcome: "delivered", purpose: "visit_appointment" });
}

/** The arrangement stories: 6 × ¥1,500 on the 10th from 2026-08-10, agreed 08-05, ¥320 penalty interest waived if kept. */
const plan = arrangements({
  id: "P1",
  kind: "installment_plan",
  agreedOn: "2026-08-05",
  schedule: months("2026-08-10", 6).map((dueDate) => ({ dueDate, amount: "1500.00" })),
  conditionalWaiver: { penaltyInterest: "320.00" },
});

/** Contract arrears from 2026-05-20 (frozen under the plan), the plan agreed in a call on 08-05. */
function onPlan(id: string) {
  return cn(id, 187)
    .balance({ principal: "24000.00", penaltyInterest: "320.00" })
    .contact({ at: "2026-08-05T10:00:00+08:00", outcome: "right_party", purpose: "arrangement" });
}

/** A promise made in a call. */
const promised = (at: string, amount: string, dueDate: string) =>
  ({ at, outcome: "promise_to_pay", promise: { amount, dueDate } }) as const;

export const CN_SCENARIOS: readonly Scenario[] = [
  // ---------- early stage ----------
  {
    id: "CN-EARLY-01",
    story:
      "A low-risk borrower with 24 clean months misses the 11-20 instalment (autodebit failed) and is still in the 3-day grace: let it self-cure.",
    asOf: CN_NOW,
    account: build(cn("CN-EARLY-01", 3, { history: 24 }), cnDues),
    facts: { dpd: 3, inGrace: true, firstDelinquency: true },
    expect: {
      action: { type: "no_action", channel: null, params: { reason: "self_cure_window" } },
      never: ["send_sms_reminder", "call_borrower"],
    },
    why: "P3: a low-risk account gets no collection contact while in grace; the first reminder is due at DPD 4 (2026-11-24). Ladder 2.1.0: the wait is cn-default's self-cure-low-risk rule, whose reason is self_cure_window (the vocabulary's in_grace_low_risk names the same wait).",
    source: "[003] 低风险客户给予更多缓冲时间; [004] 友好的提醒",
  },
  {
    id: "CN-EARLY-01b",
    story:
      "The same low-risk borrower a day later (DPD 4, grace over) has still not paid: first friendly SMS reminder.",
    asOf: "2026-11-24T10:00:00+08:00",
    account: build(cn("CN-EARLY-01b", 3, { history: 24 }).asOf("2026-11-24T10:00:00+08:00"), cnDues),
    facts: { dpd: 4, inGrace: false, smsSent7d: 0 },
    expect: {
      action: { type: "call_borrower", channel: "call", params: { stage: "first" }, earliestAt: "now" },
      alongside: ["send_credit_report_notice"],
      never: ["home_visit", "legal_review"],
    },
    why: "P3 (grace over), P10 (opt-out text, no threats); template deadline 7 days → 2026-12-01. Ladder 2.1.0: cn-default calls from DPD 4 (call-first), so the grace ending brings the first call, not an SMS; the SMS early reminder is the fallback when calls are blocked. The credit-report notice (征信业管理条例 art. 15) goes alongside before overdue data is reported. Both are right for a borrower past grace.",
    source: "[004] 友好的提醒; cn-2026 SMS opt-out text",
  },
  {
    id: "CN-EARLY-02",
    story:
      "A current borrower who paid late in most recent months (July 38 days late, October 12 days late) has ¥2,000 due in 2 days: send a pre-due reminder.",
    asOf: CN_NOW,
    account: build(
      cn("CN-EARLY-02", 0, { on: "2026-11-14" }),
      paidLate("2026-05-25", "2026-06-30"),
      paidLate("2026-06-25", "2026-06-30"),
      paidLate("2026-07-25", "2026-09-01"),
      paidLate("2026-08-25", "2026-09-01"),
      paidLate("2026-10-25", "2026-11-06"),
      cnDues,
    ),
    facts: { dpd: 0, daysUntilNextDue: 2, cyclesDelinquent12m: { atLeast: 2 } },
    expect: {
      action: {
        type: "send_pre_due_reminder",
        channel: "sms",
        earliestAt: "now",
        message: {
          must: ["还款提醒", "¥2,000.00", "2026年11月25日", OPT_OUT],
          mustNot: ["逾期", "催收", ...NO_THREATS],
        },
      },
    },
    why: "P3: high risk (≥ 2 delinquent cycles in 12 months) gets one neutral reminder 2 days before each due date; not overdue, so no arrears wording.",
    source: "[003] 对于高风险客户…立即启动; [004] 提前采取预防措施; DOMAIN.md (no reminders before the due date)",
  },
  {
    id: "CN-EARLY-02b",
    story: "A current borrower with 24 clean months has ¥2,000 due in 2 days: nothing to do.",
    asOf: CN_NOW,
    account: build(cn("CN-EARLY-02b", 0, { on: "2026-11-14", history: 24 }), cnDues),
    facts: { dpd: 0, daysUntilNextDue: 2, cyclesDelinquent12m: 0 },
    expect: { action: { type: "no_action", channel: null, params: { reason: "current" } } },
    why: "P3: pre-due reminders are for high-risk accounts only.",
    source: "[003] low risk: give buffer time",
  },

  // ---------- calls ----------
  {
    id: "CN-CALL-01",
    story:
      "The 11-15 instalment is 8 days overdue (¥2,009.60 with penalty interest) and the SMS of 11-19 got no reply: first collection call.",
    asOf: CN_NOW,
    account: build(call01, cnDues),
    facts: { dpd: 8, overdueAmount: 2009.6, callAttempts7d: 0 },
    expect: {
      action: {
        type: "call_borrower",
        channel: "call",
        params: { stage: "first" },
        earliestAt: "now",
        message: {
          must: [/身份[\s\S]*¥2,009\.60/, "¥2,009.60", "逾期8天", "2026年11月15日"],
          mustNot: NO_THREATS,
        },
      },
    },
    why: "Phone first after an unanswered reminder; verify the right party before any account detail; 10:00 is inside 08:00–22:00.",
    source: "[003] phone first, prepare before dialling; [004] learn willingness and ability",
  },
  {
    id: "CN-CALL-02",
    story: "CN-CALL-01 evaluated at 22:30: no call or SMS at night, call at 08:00 next morning.",
    asOf: "2026-11-23T22:30:00+08:00",
    account: build(call01.id("CN-CALL-02").asOf("2026-11-23T22:30:00+08:00"), cnDues),
    facts: { dpd: 8, asOfLocalHour: 22 },
    expect: {
      action: { type: "call_borrower", channel: "call", earliestAt: "2026-11-24T08:00:00+08:00" },
    },
    why: "No collection 22:00–08:00 without consent (SMS included), P15.",
    source: "CBA 2026 guideline; NIFA 2025 national standard",
  },
  {
    id: "CN-CALL-02b",
    story: "CN-CALL-01 evaluated at 07:30 the next morning: the call waits for 08:00.",
    asOf: "2026-11-24T07:30:00+08:00",
    account: build(call01.id("CN-CALL-02b").asOf("2026-11-24T07:30:00+08:00"), cnDues),
    facts: { dpd: 9, asOfLocalHour: 7 },
    expect: {
      action: { type: "call_borrower", channel: "call", earliestAt: "2026-11-24T08:00:00+08:00" },
    },
    why: "No collection 22:00–08:00, P15.",
    source: "CBA 2026 guideline; NIFA 2025 national standard",
  },
  {
    id: "CN-CALL-03",
    story:
      "At DPD 39 six dials today went unanswered (08:10–15:00): no seventh dial, an SMS asking for a call back instead.",
    asOf: "2026-11-23T16:00:00+08:00",
    account: build(
      contactsAt(
        cn("CN-CALL-03", 39)
          .asOf("2026-11-23T16:00:00+08:00")
          .contact({ at: "2026-11-02T14:00:00+08:00", outcome: "right_party" })
          .contact({ at: "2026-11-19T10:00:00+08:00", channel: "sms", outcome: "delivered", purpose: "reminder" }),
        ["08:10", "09:20", "10:30", "11:40", "13:50", "15:00"].map((t) => `2026-11-23T${t}:00+08:00`),
        { outcome: "no_answer" },
      ),
      cnDues,
    ),
    facts: { dpd: 39, callAttemptsToday: 6 },
    expect: {
      action: { type: "send_sms_reminder", channel: "sms", earliestAt: "now" },
      alongside: [{ type: "send_formal_letter", params: { stage: "first" } }],
      never: ["call_borrower"],
    },
    why: "At most 6 unanswered dials a day (cn-2026 CAP_UNANSWERED_DAILY); the SMS must not count or reproach the calls (P10). cn-default itself stops at 2 dials a day (callAttemptsToday < 2), stricter than cn-2026's 6 unanswered, so no call is proposed. Ladder 2.2.0: the SMS the story asks for is the primary action and, at DPD 39 with no letter yet, the first formal letter of M2 goes alongside (exactly one letter).",
    source: "CBA 2026 guideline (≤ 6 unanswered dials a day)",
  },
  {
    id: "CN-CALL-03b",
    story: "As CN-CALL-03 but one of the six dials was busy: busy counts as unanswered, same answer.",
    asOf: "2026-11-23T16:00:00+08:00",
    account: build(
      contactsAt(
        contactsAt(
          cn("CN-CALL-03b", 39)
            .asOf("2026-11-23T16:00:00+08:00")
            .contact({ at: "2026-11-02T14:00:00+08:00", outcome: "right_party" }),
          ["08:10", "09:20", "10:30", "11:40", "13:50"].map((t) => `2026-11-23T${t}:00+08:00`),
          { outcome: "no_answer" },
        ),
        ["2026-11-23T15:00:00+08:00"],
        { outcome: "busy" },
      ),
      cnDues,
    ),
    facts: { dpd: 39, callAttemptsToday: 6 },
    expect: {
      action: { type: "send_sms_reminder", channel: "sms", earliestAt: "now" },
      alongside: [{ type: "send_formal_letter", params: { stage: "first" } }],
      never: ["call_borrower"],
    },
    why: "cn-2026 counts busy among unanswered dials. cn-default itself stops at 2 dials a day (callAttemptsToday < 2), so no call is proposed. Ladder 2.2.0: as CN-CALL-03, the SMS asking for a call back with the first formal letter of M2 alongside (exactly one letter).",
    source: "CBA 2026 guideline (≤ 6 unanswered dials a day)",
  },
  {
    id: "CN-CALL-04",
    story:
      "At DPD 39 the borrower has had three conversations today (two right-party, then a refusal at 14:20): nothing more today.",
    asOf: "2026-11-23T15:30:00+08:00",
    account: build(
      cn("CN-CALL-04", 39)
        .asOf("2026-11-23T15:30:00+08:00")
        .contact({ at: "2026-11-23T09:05:00+08:00", outcome: "right_party" })
        .contact({ at: "2026-11-23T11:10:00+08:00", outcome: "right_party" })
        .contact({ at: "2026-11-23T14:20:00+08:00", outcome: "refused" }),
      cnDues,
    ),
    facts: { dpd: 39, rightPartyContactsToday: 3 },
    expect: {
      action: { type: "send_formal_letter", channel: "letter", params: { stage: "first" }, earliestAt: "now" },
      never: ["call_borrower", "send_sms_reminder", "send_email_reminder"],
    },
    why: "At most 3 effective conversations a day; after three and a refusal, more contact the same day is pressure (prudent). Ladder 2.1.0: after 2 dials the ladder proposes no call, so the conversation cap is never reached; a first formal letter (which arrives days later) is not same-day pressure and is due at M2 anyway. Exactly one letter.",
    source: "NIFA 2025 national standard (≤ 3 effective conversations a day)",
  },

  // ---------- letters ----------
  {
    id: "CN-LETTER-01",
    story:
      "Entering M2 (dues 10-20 and 11-20 unpaid, ¥4,096.50 overdue) with no letter ever sent: call, with the first formal letter alongside.",
    asOf: CN_NOW,
    account: build(letter01, cnDues),
    facts: { dpd: 34, overdueAmount: 4096.5, daysSinceLastLetter: null },
    expect: {
      action: { type: "call_borrower", channel: "call", earliestAt: "now" },
      alongside: [
        {
          type: "send_formal_letter",
          channel: "letter",
          params: { stage: "first" },
          message: {
            must: [
              "2026年10月20日",
              "逾期34天",
              "¥4,096.50",
              "3,600.00",
              "400.00",
              "96.50",
              "¥27,496.50",
              "2026年12月7日",
              "金融信用信息基础数据库",
            ],
            mustNot: [...NO_THREATS, /法院|公安|检察院/],
          },
        },
      ],
    },
    why: "P16: a first formal letter at entry to M2, alongside the calls; itemised, factual consequences, 14-day deadline.",
    source: "[003] letter contents and tone (刚柔并济)",
  },

  // ---------- promises ----------
  {
    id: "CN-PTP-01",
    story: "At M2 the borrower promised yesterday to pay the full ¥4,096.50 by 11-26: wait for it.",
    asOf: CN_NOW,
    account: build(
      letter01
        .id("CN-PTP-01")
        .contact({ at: "2026-11-21T09:00:00+08:00", channel: "letter", outcome: "delivered", purpose: "collection" })
        .contact(promised("2026-11-22T15:10:00+08:00", "4096.50", "2026-11-26")),
      cnDues,
    ),
    facts: { activePromise: true, activePromiseDueInDays: 3 },
    expect: {
      action: { type: "await_promise", channel: null },
      never: ["call_borrower", "send_sms_reminder"],
    },
    why: "P1 (full overdue amount, 4 days ≤ 14: a qualifying promise), P2 (kept if paid by 11-27, broken from 11-28).",
    source: "DOMAIN.md (an active promise pauses other treatment)",
  },
  {
    id: "CN-PTP-02",
    story: "At DPD 64 the borrower promised ¥1.00 by 2027-01-21: a token promise does not pause collection.",
    asOf: CN_NOW,
    account: build(
      cn("CN-PTP-02", 64)
        .balance({ principal: "30000.00", penaltyInterest: "250.00" })
        .contact({ at: "2026-10-22T09:00:00+08:00", channel: "letter", outcome: "delivered", purpose: "collection" })
        .contact(promised("2026-11-22T11:00:00+08:00", "1.00", "2027-01-21")),
      cnDues,
    ),
    facts: { dpd: 64, promisesMade90d: 1, invalidPromisePending: true, activePromise: false },
    expect: {
      action: {
        type: "call_borrower",
        channel: "call",
        params: { stage: "follow_up" },
        earliestAt: "now",
        message: { must: ["¥6,250.00"], mustNot: [/暂停催收/, /感谢您.*(安排|方案)/] },
      },
      or: [{ type: "arrange_visit", earliestAt: "now" }],
      messages: { mustNot: ["多次尝试与您联系未果", /暂停催收/] },
      never: ["await_promise", "arrangement_monitor"],
    },
    why: "P1: ¥1 is below min(overdue ¥6,250, one instalment ¥2,000) and 2027-01-21 is 60 days after the promise, beyond 14, so the promise is recorded (invalidPromisePending) but collection continues. Ladder 2.2.0: with ¥30,250 outstanding at DPD 64 the account is visit-eligible (P4: DPD ≥ 60 and ≥ ¥30,000), so asking for a visit appointment (visit notice alongside) is as right as a follow-up call; no follow-up letter, since the borrower spoke to us yesterday (P16: follow-ups only while there is no RPC). Nothing may say collection is paused or that we could not reach them (P10).",
    source: "P1 (token or far-dated promises stall collection); P4; P16",
  },
  {
    id: "CN-PTP-03",
    story: "At DPD 39 the borrower broke a first promise (¥2,000 by 11-18, nothing paid): broken-promise call.",
    asOf: CN_NOW,
    account: build(
      cn("CN-PTP-03", 39)
        .contact({ at: "2026-11-16T09:00:00+08:00", channel: "letter", outcome: "delivered", purpose: "collection" })
        .contact(promised("2026-11-12T14:00:00+08:00", "2000.00", "2026-11-18")),
      cnDues,
    ),
    facts: { dpd: 39, promisesBroken90d: 1, activePromise: false },
    expect: {
      action: {
        type: "call_borrower",
        channel: "call",
        params: { stage: "broken_promise" },
        earliestAt: "now",
        message: { must: ["2026年11月18日", "¥2,000.00"], mustNot: [...NO_THREATS, "不守信用"] },
      },
    },
    why: "A broken promise is the strongest won't-pay signal, but one break is not escalation: cite it exactly, ask what changed (P2: broken from 11-20).",
    source: "DOMAIN.md; [003] 刚柔并济",
  },

  // ---------- arrangements ----------
  {
    id: "CN-ARR-01",
    story:
      "A 6 × ¥1,500 plan agreed 08-05 has been paid on time four times (08-10 … 11-10): monitor, do not collect the frozen contract arrears.",
    asOf: CN_NOW,
    account: build(
      onPlan("CN-ARR-01")
        .payment({ amount: "1500.00", date: "2026-08-10" })
        .payment({ amount: "1500.00", date: "2026-09-09" })
        .payment({ amount: "1500.00", date: "2026-10-10" })
        .payment({ amount: "1500.00", date: "2026-11-10" }),
      cnDues,
      plan,
    ),
    facts: { onArrangement: true, arrangementStatus: "on_track" },
    expect: {
      action: { type: "arrangement_monitor", channel: null },
      or: [{ type: "no_action", params: { reason: "arrangement_on_track" } }],
      never: ["call_borrower", "send_sms_reminder", "send_formal_letter", "send_visit_notice", "legal_review"],
    },
    why: "P13 (on track: every instalment paid by due + grace); honour the agreement. Ladder 2.2.0: arrangement-on-track monitors; the only thing alongside is the statutory notice before overdue information is reported (征信业管理条例 art. 15, never sent on this account), not a collection message.",
    source: "P13",
  },
  {
    id: "CN-ARR-02",
    story:
      "On the same plan the 11-10 instalment came in ¥800 short (¥700 on 11-12): an arrangement-check call, not a broken plan.",
    asOf: CN_NOW,
    account: build(
      onPlan("CN-ARR-02")
        .payment({ amount: "1500.00", date: "2026-08-10" })
        .payment({ amount: "1500.00", date: "2026-09-09" })
        .payment({ amount: "1500.00", date: "2026-10-10" })
        .payment({ amount: "700.00", date: "2026-11-12" }),
      cnDues,
      plan,
    ),
    facts: { onArrangement: true, arrangementStatus: "at_risk" },
    expect: {
      action: {
        type: "call_borrower",
        channel: "call",
        params: { stage: "arrangement_check" },
        earliestAt: "now",
        message: { must: ["¥700.00", "¥800.00"], mustNot: NO_THREATS },
      },
      never: ["send_formal_letter"],
    },
    why: "P13 (one instalment short ≤ 30 days = at risk): acknowledge the ¥700, state the ¥800 shortfall, ask if the plan is still affordable. Ladder 2.2.0: arrangement-at-risk-call.",
    source: "P13",
    needs: ["the shortfall of the current instalment in the call script (template)"],
  },
  {
    id: "CN-ARR-03",
    story:
      "On the same plan the 10-10 and 11-10 instalments were both missed and 8 calls since went unanswered: the plan is broken.",
    asOf: CN_NOW,
    account: build(
      contactsAt(
        onPlan("CN-ARR-03")
          .payment({ amount: "1500.00", date: "2026-08-10" })
          .payment({ amount: "1500.00", date: "2026-09-09" }),
        series("2026-10-12", 8, 5, "10:00", "+08:00"),
        { outcome: "no_answer" },
      ),
      cnDues,
      plan,
    ),
    facts: { onArrangement: false, arrangementStatus: "broken", consecutiveFailedAttempts: 8 },
    expect: {
      action: { type: "call_borrower", channel: "call", params: { stage: "follow_up" }, earliestAt: "now" },
      alongside: [
        {
          type: "send_formal_letter",
          params: { stage: "arrangement_broken" },
          message: { must: ["2026年11月10日"], mustNot: [/不再.*(协商|安排)/, ...NO_THREATS] },
        },
      ],
    },
    why: "P13 (two instalments missed = broken: onArrangement is false, arrangementStatus broken); say what is now due under the contract and invite a new plan, and give the borrower the chance to answer that letter before the ladder escalates to the field.",
    source: "P13; [003] 调整还款计划",
  },
  {
    id: "CN-ARR-04",
    story: "A 6-instalment plan started 06-05 was paid in full (06-10 … 11-10) and the balance is 0: closed.",
    asOf: CN_NOW,
    account: build(
      cn("CN-ARR-04", 0).balance("0.00"),
      schedule(
        [
          ...months("2025-06-20", 11).map((dueDate) => ({ dueDate, amount: "2000.00" })),
          { dueDate: "2026-05-20", amount: "7000.00" },
        ],
        [
          ...months("2025-06-20", 10).map((date) => ({ date, amount: "2000.00" })),
          ...months("2026-06-10", 6).map((date) => ({ date, amount: "1500.00" })),
        ],
      ),
      arrangements({
        id: "P1",
        kind: "installment_plan",
        agreedOn: "2026-06-05",
        schedule: months("2026-06-10", 6).map((dueDate) => ({ dueDate, amount: "1500.00" })),
        conditionalWaiver: { penaltyInterest: "320.00" },
      }),
    ),
    facts: { dpd: 0, outstandingAmount: 0, arrangementStatus: "completed" },
    expect: {
      action: { type: "no_action", channel: null, params: { reason: "current" } },
      never: ["call_borrower", "send_sms_reminder", "send_formal_letter"],
    },
    why: "P13 (completed: all paid); the ¥320 waiver is final, nothing is collected. Ladder 2.1.0: nothing is collected, which is what matters; cn-default has no `settled` reason and files a paid-up account under no-action-current.",
    source: "P13",
    needs: ["fact arrangementStatus (#11)"],
  },

  // ---------- hardship ----------
  {
    id: "CN-HARD-01",
    story:
      "At DPD 8 the borrower reported stomach surgery on 11-25 and no income for about 3 months (hospital certificate received): offer a 3-month deferral.",
    asOf: CN_NOW,
    account: build(
      cn("CN-HARD-01", 8)
        .contact({ at: "2026-11-18T10:30:00+08:00", direction: "inbound", outcome: "hardship_reported" })
        .hardship("medical", "2026-11-18", "2027-02-28"),
      cnDues,
    ),
    facts: { dpd: 8, hardshipKind: "medical" },
    expect: {
      action: {
        type: "offer_deferral",
        channel: "letter",
        earliestAt: "now",
        message: {
          must: ["2027年2月15日", "本方案不要求您借款或一次性还清"],
          mustNot: [NO_THIRD_PARTIES, "上门"],
        },
      },
      never: ["call_borrower", "send_sms_reminder"],
    },
    why: "P5: medical hardship → 3-month deferral (11-15, 12-15, 01-15 deferred; resume 2027-02-15), penalty interest waived; calls and SMS suppressed while the offer is open.",
    source: "[000] illness case; [001] 延期还款",
  },
  {
    id: "CN-HARD-02",
    story:
      "At DPD 13 the borrower reports being laid off on 10-31 and job-hunting: a 3-month payment holiday, not a fee waiver.",
    asOf: CN_NOW,
    account: build(
      cn("CN-HARD-02", 13)
        .contact({ at: "2026-11-16T14:00:00+08:00", outcome: "hardship_reported" })
        .hardship("unemployment", "2026-11-16"),
      cnDues,
    ),
    facts: { dpd: 13, hardshipKind: "unemployment" },
    expect: {
      action: { type: "offer_deferral", channel: "letter", earliestAt: "now", message: { must: ["2027年2月10日"] } },
      or: [
        { type: "offer_payment_holiday", channel: "letter", earliestAt: "now", message: { must: ["2027年2月10日"] } },
      ],
      never: ["offer_fee_waiver"],
    },
    why: "P5: unemployment → payment holiday of 3 months (resume 2027-02-10), no part-payment required.",
    source: "P5",
  },
  {
    id: "CN-HARD-03",
    story:
      "A salary cut from ¥15,000 to ¥6,000 at DPD 34 (contract instalment ¥2,500, ¥20,000 left): re-spread over 12 months at ¥1,666.67, never above the cap of ¥2,100.",
    asOf: CN_NOW,
    account: build(
      cn("CN-HARD-03", 34, { amount: "2500.00" })
        .income("6000.00")
        .balance({ principal: "20000.00", penaltyInterest: "150.00" })
        .hardship("income_drop", "2026-11-18"),
    ),
    facts: { dpd: 34, monthlyIncome: 6000, hardshipKind: "income_drop" },
    expect: {
      action: {
        type: "offer_installment_plan",
        channel: "letter",
        earliestAt: "now",
        message: {
          must: ["¥1,666.67", "¥1,666.63", "2026年12月20日", "¥20,000.00", "¥150.00"],
          mustNot: ["¥6,666.67", "¥3,333.33"],
        },
      },
    },
    why: "P5: cap = min(¥2,500, 35% × ¥6,000) = ¥2,100; 3 and 6 months exceed it, 12 × ¥1,666.67 fits; penalty interest waived if kept.",
    source: "[000] 协商制定合理的还款计划",
  },
  {
    id: "CN-HARD-04",
    story:
      "Income fell to ¥3,000 at DPD 64 with ¥40,000 outstanding; the borrower is willing (paid ¥300 on 11-05) but no 3/6/12-month plan is affordable: manual review.",
    asOf: CN_NOW,
    account: build(
      cn("CN-HARD-04", 64).income("3000.00").balance("40000.00").hardship("income_drop", "2026-11-17").payment({
        amount: "300.00",
        date: "2026-11-05",
      }),
      cnDues,
    ),
    facts: { dpd: 64, monthlyIncome: 3000, hardshipKind: "income_drop" },
    expect: {
      action: { type: "offer_installment_plan", channel: "letter" },
      never: ["offer_settlement", "call_borrower", "hardship_review"],
    },
    why: "P6: cap ¥1,050 (35% of ¥3,000, below the contract installment) and 12 months is ¥3,333.33, so no short plan fits. Ladder 2.3.0 offers reduced payments instead: ¥1,050 a month until repaid (38 months, within the 84-month limit), never above the contract installment; a person reviews only when even that does not fit.",
    source: "P6; [002] ability vs willingness",
  },
  {
    id: "CN-HARD-05",
    story:
      "The borrower's home was flooded on 11-05 (reported in the app on 11-09) and is uninhabitable; at DPD 8 offer a deferral and waive ¥59.60 where the borrower is: the app.",
    asOf: CN_NOW,
    account: build(
      cn("CN-HARD-05", 8)
        .balance({ principal: "30000.00", penaltyInterest: "9.60", fees: "50.00" })
        .contact({
          at: "2026-11-09T20:00:00+08:00",
          channel: "app",
          direction: "inbound",
          outcome: "hardship_reported",
        })
        .hardship("disaster", "2026-11-09"),
      cnDues,
    ),
    facts: { dpd: 8, hardshipKind: "disaster", feesBalance: 50 },
    expect: {
      action: {
        type: "offer_deferral",
        channel: "app",
        earliestAt: "now",
        message: { must: ["2027年2月15日", "¥59.60"] },
      },
      or: [
        { type: "offer_deferral", channel: "email", earliestAt: "now", message: { must: ["2027年2月15日", "¥59.60"] } },
      ],
      never: ["call_borrower"],
    },
    why: "P5 (disaster → deferral, penalty interest and late fees waived); the offer goes where the borrower can read it, never only to the destroyed address.",
    source: "[003] crisis relief 延长还款期限、减免滞纳金",
    needs: ["channel usability (the registered address is unusable), offers on app/e-mail"],
  },
  {
    id: "CN-HARD-06",
    story:
      "The borrower's husband, the main earner, died on 11-02 (reported 11-12; household income now ¥4,500): a deferral with condolences, no collection calls.",
    asOf: CN_NOW,
    account: build(cn("CN-HARD-06", 13).income("4500.00").hardship("bereavement", "2026-11-12"), cnDues),
    facts: { dpd: 13, hardshipKind: "bereavement" },
    expect: {
      action: {
        type: "offer_deferral",
        channel: "letter",
        earliestAt: "now",
        message: { must: [/节哀|哀悼|慰问/, "2027年2月10日"], mustNot: [/遗产/, NO_THIRD_PARTIES] },
      },
      never: ["call_borrower"],
    },
    why: "P5 (bereavement → deferral, resume 2027-02-10); humane treatment; the husband was not a borrower, so no estate talk.",
    source: "[000] 人性化",
  },
  {
    id: "CN-HARD-07",
    story:
      "Unemployed since March, at M6 (DPD 156, ¥60,000 outstanding) after two kept ¥500 promises: a 30% settlement (¥42,000, valid to 12-23).",
    asOf: CN_NOW,
    account: build(
      cn("CN-HARD-07", 156)
        .balance({ principal: "52000.00", interest: "3000.00", penaltyInterest: "5000.00" })
        .hardship("unemployment", "2026-03-10")
        .contact(promised("2026-09-10T10:00:00+08:00", "500.00", "2026-09-15"))
        .contact(promised("2026-10-15T10:00:00+08:00", "500.00", "2026-10-20"))
        .payment({ amount: "500.00", date: "2026-09-15" })
        .payment({ amount: "500.00", date: "2026-10-20" }),
      cnDues,
    ),
    facts: { dpd: 156, hardshipKind: "unemployment", promisesKept90d: 2 },
    expect: {
      action: {
        type: "offer_settlement",
        channel: "letter",
        earliestAt: "now",
        message: {
          must: ["¥42,000.00", "¥18,000.00", "2026年12月23日", "个性化分期"],
          mustNot: [/向亲友借|网贷|仅此一次/],
        },
      },
    },
    why: "P5: CN allows settlement at DPD ≥ 90 when unable to pay in full (max 30% off, valid 30 days); offer 个性化分期 if a lump sum is impossible.",
    source: "P5",
  },

  // ---------- unreachable ----------
  {
    id: "CN-UNREACH-01",
    story:
      "At DPD 69 the number is dead (空号 on 11-16/18/20, SMS undeliverable) after 14 unanswered calls: trace, and write to the registered address.",
    asOf: CN_NOW,
    account: build(unreach("CN-UNREACH-01", "2026-10-16"), cnDues),
    facts: { dpd: 69, unreachable: true, outstandingAmount: 28000 },
    expect: {
      action: {
        type: "send_formal_letter",
        channel: "letter",
        params: { stage: "unreachable" },
        message: { must: ["¥6,000.00", /联系方式/], mustNot: [...NO_THREATS, "上门"] },
      },
      alongside: ["skip_trace"],
      never: ["third_party_message", "send_visit_notice"],
    },
    why: "Letters when the phone fails, tracing in parallel; no emergency contact until the letter has gone unanswered 7 days (P7); ¥28,000 at M3 is not visit-eligible (P4). Ladder 2.1.0: the letter to the registered address is the primary action (unreachable-letter) and the skip trace goes alongside; one letter only.",
    source: "[003] 结合其他渠道进一步核实客户状态",
  },
  {
    id: "CN-UNREACH-02",
    story:
      "Still unreachable 9 days after the letter to the registered address, with the skip trace finding nothing: ask the brother (emergency contact) to pass on a call-back request.",
    asOf: CN_NOW,
    account: build(unreach("CN-UNREACH-02", "2026-11-14"), cnDues, brother),
    facts: { unreachable: true, emergencyContactsAvailable: 1, daysSinceLastLetter: 9 },
    expect: {
      action: {
        type: "third_party_message",
        channel: "sms",
        party: "emergency_contact",
        earliestAt: "now",
        message: { must: [/转告|回电|联系/], mustNot: ["欠款", "逾期", "贷款", "催收", "¥"] },
      },
      alongside: ["skip_trace"],
    },
    why: "P7: third parties only when unreachable and after an unanswered letter (7 days); a message or contact details only, never the debt; at most once per 7 days. Ladder 2.1.0: the unreachable cadence is a letter every 14 days with the emergency contact asked 7–13 days after each letter (from day 14 the next letter wins), so the story is set 9 days after the letter, where a daily run would ask the contact.",
    source: "CBA 2026 guideline (third parties only if the debtor is unreachable; never told of the debt)",
  },
  {
    id: "CN-UNREACH-02b",
    story:
      "As CN-UNREACH-02 but the brother said 别再打给我 on 11-16: never contact him again; keep writing and tracing.",
    asOf: CN_NOW,
    account: build(
      unreach("CN-UNREACH-02b", "2026-11-14").contact({
        at: "2026-11-16T15:00:00+08:00",
        channel: "call",
        outcome: "third_party",
        party: "emergency_contact",
        partyId: "EC1",
      }),
      cnDues,
      borrower({ emergencyContacts: [{ id: "EC1", relationship: "sibling", optedOut: true }] }),
    ),
    facts: { unreachable: true, emergencyContactsAvailable: 0 },
    expect: {
      never: ["third_party_message", "send_visit_notice", "home_visit"],
    },
    why: "P7: an objection stops contact with that person for good; ¥28,000 at M3 is not visit-eligible, so a follow-up letter and tracing. Ladder 2.1.0: set 9 days after the letter as CN-UNREACH-02; what matters is that the brother is never contacted again (and no visit at M3 with ¥28,000); the next letter is due on day 14.",
    source: "CBA 2026 guideline (stop if they object)",
  },
  {
    id: "CN-UNREACH-02c",
    story:
      "As CN-UNREACH-02 but the borrower called in on 11-10 and the number has worked since: no third party, call the borrower.",
    asOf: CN_NOW,
    account: build(
      contactsAt(
        cn("CN-UNREACH-02c", 69)
          .balance("28000.00")
          .contact({ at: "2026-09-18T11:00:00+08:00", outcome: "right_party" })
          .contact({ at: "2026-11-09T09:00:00+08:00", channel: "letter", outcome: "delivered", purpose: "collection" })
          .contact({ at: "2026-11-10T19:00:00+08:00", direction: "inbound", outcome: "right_party" }),
        series("2026-10-01", 14, 3, "10:00", "+08:00"),
        { outcome: "no_answer" },
      ),
      cnDues,
      brother,
    ),
    facts: { unreachable: false, daysSinceRightPartyContact: 13 },
    expect: {
      action: { type: "call_borrower", channel: "call", earliestAt: "now" },
      never: ["third_party_message"],
    },
    why: "P7: a reachable borrower is never approached through third parties (cn-2026 THIRD_PARTY_NOT_ALLOWED if proposed).",
    source: "CBA 2026 guideline",
  },

  // ---------- visits ----------
  {
    id: "CN-VISIT-01",
    story:
      "At M4 (¥52,000 outstanding) the borrower refused on 11-16 after a broken promise and has not answered since: call to book a visit, with a written notice alongside.",
    asOf: CN_NOW,
    account: build(visitHistory("CN-VISIT-01")),
    facts: { dpd: 95, bucket: "M4", daysSinceVisitNotice: null },
    expect: {
      action: { type: "arrange_visit", earliestAt: "now" },
      alongside: [
        {
          type: "send_visit_notice",
          channel: "letter",
          message: {
            must: ["2026年11月30日", /出示.*证件/, /两名|2名/, /未经.*同意/],
            mustNot: ["多次尝试与您联系未果", /起诉|诉讼|法律程序/, NO_THIRD_PARTIES],
          },
        },
      ],
      never: ["home_visit"],
    },
    why: "P4: appointment first (预约), then a notice with purpose, date, two named collectors showing ID, no entry without consent, ≥ 7 days out; P10: we spoke on 11-16, so never 'could not reach you'.",
    source: "[001] 预约催收时间; [002] advance notice of time and purpose; CBA 2026 guideline",
  },
  {
    id: "CN-VISIT-01b",
    story:
      "As CN-VISIT-01 but a visit notice sent on 10-12 (42 days ago) led to no visit and no appointment: the notice has lapsed, send a new one; no visit today.",
    asOf: CN_NOW,
    account: build(
      visitHistory("CN-VISIT-01b").contact({
        at: "2026-10-12T09:00:00+08:00",
        channel: "letter",
        outcome: "delivered",
        purpose: "visit_notice",
      }),
    ),
    facts: { dpd: 95, daysSinceVisitNotice: 42, visits30d: 0 },
    expect: {
      action: { type: "send_visit_notice", channel: "letter", earliestAt: "now" },
      or: [{ type: "arrange_visit", earliestAt: "now" }],
      never: ["home_visit"],
    },
    why: "P4: a notice is valid 30 days.",
    source: "cn-2026 visit-notice validDays 30",
  },
  {
    id: "CN-VISIT-02",
    story:
      "The borrower agreed on 11-24 to a visit at home on 11-30 at 14:00: two collectors visit at the agreed time, with a full brief.",
    asOf: "2026-11-30T13:00:00+08:00",
    account: build(appointment("CN-VISIT-02", "2026-11-30T14:00:00+08:00").asOf("2026-11-30T13:00:00+08:00")),
    facts: { visitAppointmentInHours: 1, visits30d: 0, dpd: 102 },
    expect: {
      action: {
        type: "home_visit",
        channel: "visit",
        earliestAt: "2026-11-30T13:00:00+08:00",
        suggestedAt: "2026-11-30T14:00:00+08:00",
        message: {
          must: ["¥12,640.00", "2026年11月16日", "2026年10月25日", /出示.*证件/, /录音/, /录像|视频/, /两名|2名/],
        },
      },
    },
    why: "P4: at the agreed time ± 30 min, two collectors, ID shown, audio and video recorded, no entry without invitation; the visitor brief carries the history and the offers they may make. Ladder 2.1.0: cn-2026's appointment tolerance is 60 minutes (a profile policy choice), so the visit may start from 13:00; the best time is still the agreed 14:00.",
    source: "[001] 在约定的时间, record and report; [003] show ID, prepare",
  },
  {
    id: "CN-VISIT-03",
    story:
      "The collectors were delayed and it is 21:45 on the appointment day: no visit tonight, rearrange from 09:00 tomorrow.",
    asOf: "2026-11-30T21:45:00+08:00",
    account: build(appointment("CN-VISIT-03", "2026-11-30T14:00:00+08:00").asOf("2026-11-30T21:45:00+08:00")),
    facts: { visitAppointmentInHours: null, visits30d: 0 },
    expect: {
      action: { type: "arrange_visit", channel: "sms", earliestAt: "now" },
      or: [{ type: "no_action", channel: null }],
      never: ["home_visit"],
    },
    why: "P4/P15: visits only 09:00–20:00 (21:45 is lawful for a call, not reasonable at someone's home); never turn up unannounced. Ladder 2.1.0: the missed appointment is rearranged by SMS, lawful until 22:00 in cn-2026; what matters is that nobody visits tonight.",
    source: "P4, P15",
  },
  {
    id: "CN-VISIT-03b",
    story:
      "The borrower asked for a visit at 21:45 after a late shift: still no visit at night; offer a daytime or weekend slot.",
    asOf: "2026-11-30T21:30:00+08:00",
    account: build(appointment("CN-VISIT-03b", "2026-11-30T21:45:00+08:00").asOf("2026-11-30T21:30:00+08:00")),
    facts: { visitAppointmentInHours: 0 },
    expect: {
      action: { type: "arrange_visit", earliestAt: "2026-12-01T09:00:00+08:00" },
      or: [{ type: "no_action", channel: null }],
      never: ["home_visit"],
    },
    why: "P4/P15: visits only 09:00–20:00 even when asked.",
    source: "P4, P15",
  },
  {
    id: "CN-VISIT-04",
    story:
      "A visit on 11-20 reached agreement (6 × ¥2,200 from 12-03, first promise ¥2,200 by 12-03): confirm the exact plan in writing while waiting.",
    asOf: CN_NOW,
    account: build(
      visitAccount("CN-VISIT-04").contact({
        at: "2026-11-20T10:30:00+08:00",
        channel: "visit",
        outcome: "promise_to_pay",
        promise: { amount: "2200.00", dueDate: "2026-12-03" },
      }),
      visitDetails("2026-11-20T10:30:00+08:00", { staff: 2, identityShown: true, recorded: true }),
      arrangements({
        id: "V1",
        kind: "installment_plan",
        agreedOn: "2026-11-20",
        schedule: months("2026-12-03", 6).map((dueDate) => ({ dueDate, amount: "2200.00" })),
      }),
    ),
    facts: { visits30d: 1, onArrangement: true, arrangementStatus: "on_track" },
    expect: {
      action: { type: "arrangement_monitor", channel: null },
      or: [{ type: "await_promise", channel: null }],
      alongside: [
        {
          type: "send_formal_letter",
          channel: "letter",
          message: { must: ["¥2,200.00", "2026年12月3日", "2027年5月3日"], mustNot: ["最后机会"] },
        },
      ],
    },
    why: "Feed the agreement back to the borrower in writing ([002] 及时反馈给客户), exactly as agreed; then wait for the first payment. The agreed plan is the arrangement (on track until 12-03 + grace); the ¥2,200 promise is below one contract instalment (¥3,000), so under P1 it is the plan, not a promise, that pauses collection.",
    source: "[002]; [001] record and report",
    needs: [
      "fact onArrangement (#11)",
      "a letter stage or template confirming an agreed arrangement (send_formal_letter has no such stage in the vocabulary)",
    ],
  },

  // ---------- vulnerable ----------
  {
    id: "CN-VULN-01",
    story:
      "At DPD 100 (¥60,000, visit-eligible) the borrower disclosed late-stage cancer under chemotherapy: specialist handling, no visit, no legal referral.",
    asOf: CN_NOW,
    account: build(
      cn("CN-VULN-01", 100)
        .balance("60000.00")
        .event("vulnerability_reported", "2026-11-05")
        .hardship("medical", "2026-11-05")
        .contact(promised("2026-09-10T10:00:00+08:00", "2000.00", "2026-09-15"))
        .contact(promised("2026-10-10T10:00:00+08:00", "2000.00", "2026-10-15")),
      cnDues,
    ),
    facts: { vulnerable: true, dpd: 100, promisesBroken90d: 2 },
    expect: {
      action: { type: "specialist_referral", channel: null },
      never: ["home_visit", "send_visit_notice", "arrange_visit", "legal_review", "offer_settlement", "call_borrower"],
    },
    why: "Humane collection; P11 (vulnerable excluded from legal); P4 (no visits to the vulnerable). The specialist decides between a long deferral and a compassionate write-off review.",
    source: "[000], [003]",
  },

  // ---------- holds ----------
  {
    id: "CN-HOLD-01",
    story:
      "At DPD 64 the borrower wrote (received 11-10) asking collectors to stop calling and visiting: a CN lender may still write.",
    asOf: CN_NOW,
    account: build(
      cn("CN-HOLD-01", 64)
        .event("cease_requested", "2026-11-10")
        .contact({ at: "2026-11-02T09:00:00+08:00", channel: "letter", outcome: "delivered", purpose: "collection" }),
      cnDues,
    ),
    facts: { ceaseContact: true, dpd: 64, daysSinceLastLetter: 21 },
    expect: {
      action: { type: "hold", channel: null, params: { reason: "ceaseContact" } },
      holds: [{ status: "ceaseContact" }],
      never: ["call_borrower", "home_visit", "send_sms_reminder"],
    },
    why: "cn-2026: a cease request stops calls, SMS, app and visits; letters and e-mail stay allowed. Ladder 2.1.0: cn-default continues in writing at most once in 30 days (cease-written-only); the last letter went on 11-02 (21 days ago), so it waits (hold-cease-contact) and the next letter is due from 12-02. Calls, SMS and visits never.",
    source: "cn-2026 cease-contact hold (policy choice)",
  },
  {
    id: "CN-HOLD-02",
    story:
      "At DPD 39 the borrower says the 10-14 payment by WeChat Pay was never credited (screenshot sent): hold until a written verification is sent.",
    asOf: CN_NOW,
    account: build(
      cn("CN-HOLD-02", 39).contact({ at: "2026-11-20T16:00:00+08:00", direction: "inbound", outcome: "dispute" }),
      cnDues,
    ),
    facts: { disputed: true, dpd: 39 },
    expect: {
      action: { type: "dispute_hold", channel: null },
      holds: [{ status: "disputed" }],
      never: ["call_borrower", "send_sms_reminder", "home_visit"],
    },
    why: "No collection while the overdue fact is disputed; a written verification (ledger and investigation result) by 11-27 ends it.",
    source: "[003] 逾期事实存在争议; cn-2026 disputed hold",
  },
  {
    id: "CN-HOLD-03",
    story: "At DPD 40 a complaint about a collector's rudeness has been open since 11-18: hold.",
    asOf: CN_NOW,
    account: build(cn("CN-HOLD-03", 40).event("complaint_opened", "2026-11-18"), cnDues),
    facts: { complaintOpen: true, dpd: 40 },
    expect: {
      action: { type: "hold", channel: null, params: { reason: "complaintOpen" } },
      holds: [{ status: "complaintOpen" }],
      never: ["call_borrower", "send_sms_reminder", "home_visit"],
    },
    why: "P9: pause calls, SMS and visits while a complaint is open (target resolution within 15 days).",
    source: "[003] complaint mechanism",
  },
  {
    id: "CN-HOLD-03b",
    story: "The complaint of 11-18 was resolved on 11-20 with an apology: resume with a call.",
    asOf: CN_NOW,
    account: build(
      cn("CN-HOLD-03b", 40).event("complaint_opened", "2026-11-18").event("complaint_resolved", "2026-11-20"),
      cnDues,
    ),
    facts: { complaintOpen: false, dpd: 40 },
    expect: {
      action: { type: "call_borrower", channel: "call", earliestAt: "now", message: { mustNot: ["投诉"] } },
    },
    why: "P9: resume the day after resolution, preferably with a different agent; never use the complaint as a reason to pay.",
    source: "[003] correct and apologise",
  },
  {
    id: "CN-HOLD-04",
    story:
      "At DPD 8 the borrower's son reported his death on 11-08 and sent the death certificate: bereavement process, no contact to the deceased's phone.",
    asOf: CN_NOW,
    account: build(
      cn("CN-HOLD-04", 8)
        .balance("35000.00")
        .contact({
          at: "2026-11-12T10:00:00+08:00",
          direction: "inbound",
          outcome: "third_party",
          party: "third_party",
        })
        .event("deceased_reported", "2026-11-12"),
      cnDues,
    ),
    facts: { deceased: true },
    expect: {
      action: { type: "deceased_review", channel: null },
      never: ["call_borrower", "send_sms_reminder"],
    },
    why: "Claims are against the estate; heirs answer only up to what they inherit (民法典 art. 1161); the son is never asked to pay personally.",
    source: "民法典 art. 1161",
  },

  // ---------- legal, charge-off, holiday, jurisdiction ----------
  {
    id: "CN-LEGAL-01",
    story:
      "Able (income ¥18,000) but unwilling at DPD 95 (¥45,000) after two broken promises, a refused visit and a refusal: legal review with a final notice alongside.",
    asOf: CN_NOW,
    account: build(
      cn("CN-LEGAL-01", 95)
        .income("18000.00")
        .balance("45000.00")
        .contact(promised("2026-09-25T10:00:00+08:00", "3000.00", "2026-09-28"))
        .contact(promised("2026-10-22T10:00:00+08:00", "3000.00", "2026-10-26"))
        .contact({ at: "2026-11-02T10:00:00+08:00", channel: "visit", outcome: "refused" })
        .contact({ at: "2026-11-10T15:00:00+08:00", outcome: "refused" }),
      cnDues,
      visitDetails("2026-11-02T10:00:00+08:00", { staff: 2, identityShown: true, recorded: true }),
    ),
    facts: { dpd: 95, promisesBroken90d: 2, outstandingAmount: 45000 },
    expect: {
      action: { type: "legal_review", channel: null },
      alongside: [
        {
          type: "send_final_notice",
          channel: "letter",
          message: {
            must: ["2026年12月7日"],
            mustNot: [/已(向法院)?(起诉|提起诉讼)/, /拘留|刑事|公安/, NO_THIRD_PARTIES],
          },
        },
      ],
    },
    why: "P11: DPD ≥ 90, ≥ ¥10,000, not disputed, not vulnerable, able to pay, 2 broken promises in 90 days; a final notice goes alongside (deadline 14 days).",
    source: "[003] 经多次协商仍拒绝还款的恶意违约者; [004] legal after repeated failure",
  },
  {
    id: "CN-CO-01",
    story:
      "M7+ (DPD 187, ¥26,000), unreachable, legal review declined on cost: write-off review and agency placement, tracing continues.",
    asOf: CN_NOW,
    account: build(
      contactsAt(cn("CN-CO-01", 187).balance("26000.00"), series("2026-10-01", 12, 4, "10:00", "+08:00"), {
        outcome: "no_answer",
      }),
      cnDues,
    ),
    facts: { dpd: 187, bucket: "M7+", unreachable: true },
    expect: {
      action: { type: "write_off_review", channel: null },
      alongside: ["skip_trace"],
      never: ["legal_review"],
    },
    why: "Five-category 损失 at 180+; after write-off the claim is kept (账销案存); the agency is bound by the same guardrails. Ladder 2.1.0: placement follows the charge-off (placement-after-charge-off once it is recorded), not alongside the review; legal review was declined, so at M7+ the write-off review must come first. Ladder 2.2.0: write-off review (71) outranks legal review (69); the review is internal, so the letters to the registered address (statutory 征信 notice, first formal letter, final notice before charge-off) and the visit notice go on beside it until the write-off is recorded.",
    source: "DOMAIN.md five-category classification; CBA 2026 guideline (outsourcing)",
  },
  {
    id: "CN-HOLIDAY-01",
    story:
      "On Chinese New Year's day 2027 (02-06), a borrower at DPD 17 is not called; the call waits for 08:00 the next non-holiday day.",
    asOf: "2027-02-06T10:00:00+08:00",
    account: build(cn("CN-HOLIDAY-01", 17, { on: "2027-02-06" }).asOf("2027-02-06T10:00:00+08:00"), cnDues),
    facts: { dpd: 17, callAttemptsToday: 0 },
    options: { calendars: { "cn-public-holidays": ["2027-02-06"] } },
    expect: {
      deferred: [{ type: "call_borrower", codes: ["REST_DAY"], earliestAt: "2027-02-07T08:00:00+08:00" }],
      never: ["home_visit"],
    },
    why: "P8 (policy, not statute): the profile's holiday calendar blocks calls, SMS, e-mail, app and visits. With the whole 春节 break (02-05…02-11) listed, the call would wait for 02-12 08:00. Ladder 2.1.0: cn-2026 lists the 2026 holidays and asks lenders to pass the 2027 dates through decide's calendars option until the notice is out, as a lender would (here New Year's day alone); its rest days block calls and visits (code REST_DAY), while SMS and e-mail stay lawful, a documented policy choice.",
    source: "P8",
  },
  {
    id: "CN-JURIS-01",
    story:
      "A CNY account in China (DPD 40) handed to the US policy alone is not decided: no Reg F call, no USD thresholds.",
    asOf: CN_NOW,
    policyId: "us-default",
    account: build(cn("CN-JURIS-01", 40), cnDues),
    facts: { dpd: 40 },
    expect: {
      notApplicable: "JURISDICTION_MISMATCH",
      notApplicableMentions: ["CN", "CNY"],
      action: { type: "no_action", channel: null },
    },
    why: "P14: a policy is never applied outside its jurisdictions or currency, and the reason names both mismatches.",
    source: "DESIGN.md (no silent default)",
  },
];
