import type { LenderDetails, MessageDecision, RenderOptions } from "../../src/index.js";

/** A CNY account 45 days past due (oldest unpaid due 2026-10-09), with an installment offer. */
export const cnDecision: MessageDecision = {
  accountId: "6222020200112345678",
  asOf: "2026-11-23T10:00:00+08:00",
  locale: "zh-CN",
  borrower: { name: "张伟" },
  facts: { dpd: 45 },
  amounts: {
    currency: "CNY",
    overdue: { principal: "2000.00", interest: "150.00", penaltyInterest: "36.40", fees: "50.00", total: "2236.40" },
    outstanding: {
      principal: "16000.00",
      interest: "150.00",
      penaltyInterest: "36.40",
      fees: "50.00",
      total: "16236.40",
    },
    oldestUnpaidDueDate: "2026-10-09",
  },
  action: {
    offer: {
      kind: "installments",
      currency: "CNY",
      count: 3,
      amount: "2236.40",
      financed: "2200.00",
      totalRepayable: "2200.00",
      waived: { penaltyInterest: "36.40", fees: "0.00", total: "36.40" },
      installments: [
        { number: 1, dueDate: "2026-12-09", amount: "733.34" },
        { number: 2, dueDate: "2027-01-09", amount: "733.33" },
        { number: 3, dueDate: "2027-02-09", amount: "733.33" },
      ],
    },
  },
};

/** A USD card account 45 days past due with a settlement offer. */
export const usDecision: MessageDecision = {
  accountId: "ACC-2024-001234",
  asOf: "2026-11-23T10:00:00-05:00",
  locale: "en-US",
  borrower: { name: "Jordan Smith" },
  facts: { dpd: 45 },
  amounts: {
    currency: "USD",
    overdue: { principal: "1000.00", interest: "184.50", penaltyInterest: "0.00", fees: "50.00", total: "1234.50" },
    outstanding: { principal: "8500.00", interest: "184.50", penaltyInterest: "0.00", fees: "50.00", total: "8734.50" },
    oldestUnpaidDueDate: "2026-10-09",
  },
  action: {
    offer: { kind: "settlement", currency: "USD", payoff: "6100.00", discount: "2634.50", validUntil: "2026-12-23" },
  },
};

export const cnLender: LenderDetails = {
  name: "示例消费金融有限公司",
  phone: "400-820-1234",
  paymentMethods: ["手机银行App", "银行转账", "网点柜台"],
  complaintRoute: "拨打客服热线400-820-1234转投诉专线，或致电12378银行保险消费者投诉维权热线",
};

export const usLender: LenderDetails = {
  name: "Example Bank, N.A.",
  phone: "1-800-555-0199",
  email: "help@examplebank.com",
  address: "PO Box 1000\nSpringfield, IL 62701",
  paymentMethods: ["online banking", "debit card by phone", "check by mail"],
  complaintRoute:
    "write to Customer Relations, Example Bank, PO Box 1000, Springfield, IL 62701, or submit a complaint to the Consumer Financial Protection Bureau at consumerfinance.gov/complaint",
};

/** Golden cases: file name → template id, decision, options. */
export const GOLDEN: { file: string; template: string; decision: MessageDecision; options: RenderOptions }[] = [
  { file: "formal-letter.zh-CN.txt", template: "formal-letter", decision: cnDecision, options: { lender: cnLender } },
  { file: "formal-letter.en-US.txt", template: "formal-letter", decision: usDecision, options: { lender: usLender } },
  {
    file: "sms-reminder.zh-CN.txt",
    template: "sms-reminder",
    decision: cnDecision,
    options: { lender: { name: "示例消费金融", phone: "400-820-1234" } },
  },
  {
    file: "sms-reminder.en-US.txt",
    template: "sms-reminder",
    decision: usDecision,
    options: { lender: { name: "Example Bank", phone: "1-800-555-0199" } },
  },
];

/** A GBP account 62 days in arrears (oldest missed instalment 2026-09-22). */
export const gbDecision: MessageDecision = {
  accountId: "GB-ACC-778899",
  asOf: "2026-11-23T10:00:00Z",
  locale: "en-GB",
  timeZone: "Europe/London",
  borrower: { name: "Sam Taylor" },
  facts: { dpd: 62 },
  amounts: {
    currency: "GBP",
    overdue: { principal: "300.00", interest: "42.10", penaltyInterest: "0.00", fees: "12.00", total: "354.10" },
    outstanding: { principal: "2700.00", interest: "42.10", penaltyInterest: "0.00", fees: "12.00", total: "2754.10" },
    oldestUnpaidDueDate: "2026-09-22",
  },
  action: {
    offer: {
      kind: "installments",
      currency: "GBP",
      count: 3,
      financed: "354.10",
      totalRepayable: "354.10",
      waived: { penaltyInterest: "0.00", fees: "0.00", total: "0.00" },
      installments: [
        { number: 1, dueDate: "2026-12-22", amount: "118.04" },
        { number: 2, dueDate: "2027-01-22", amount: "118.03" },
        { number: 3, dueDate: "2027-02-22", amount: "118.03" },
      ],
    },
  },
};

export const gbLender: LenderDetails = {
  name: "Example Finance Ltd",
  phone: "0300 123 4567",
  email: "help@examplefinance.co.uk",
  address: "1 High Street\nLeeds LS1 1AA",
  paymentMethods: ["debit card", "bank transfer", "Direct Debit"],
  complaintRoute:
    "write to Complaints, Example Finance Ltd, 1 High Street, Leeds LS1 1AA; if you are not satisfied with our answer, you can refer your complaint to the Financial Ombudsman Service (financial-ombudsman.org.uk)",
};

const BY_LOCALE: Record<string, { decision: MessageDecision; lender: LenderDetails; profiles: string[] }> = {
  "zh-CN": { decision: cnDecision, lender: cnLender, profiles: ["cn-2026"] },
  "en-US": { decision: usDecision, lender: usLender, profiles: ["us-reg-f"] },
  "en-GB": { decision: gbDecision, lender: gbLender, profiles: ["uk-conc"] },
};

/** What the policies put on each template's action (stage, notice days, purpose, consequences). */
const ACTION_FOR: Record<string, { params?: Record<string, unknown>; purpose?: string; offer?: boolean }> = {
  "call-script": { params: { stage: "follow_up" }, purpose: "collection" },
  "email-reminder": { params: { stage: "follow_up" }, purpose: "reminder" },
  "formal-letter": { params: { stage: "first", consequence: "credit_report" }, purpose: "collection" },
  "final-notice": { params: { consequence: "credit_report+legal_review" }, purpose: "final_notice" },
  "hardship-offer-letter": { purpose: "hardship_offer", offer: true },
  "sms-reminder": { params: { stage: "early" }, purpose: "reminder" },
  "visit-notice": { params: { noticeDays: 7 }, purpose: "visit_notice" },
  "pre-due-reminder": { purpose: "pre_due_reminder" },
  "visit-appointment": { purpose: "visit_appointment" },
  "visitor-brief": { purpose: "collection", offer: true },
};

/**
 * One golden text per shipped template × locale (`<id>.<locale>.txt`; the four original cases
 * above keep their files), plus the GB letter of claim.
 */
export function goldenMatrix(ids: readonly string[]): typeof GOLDEN {
  const out: typeof GOLDEN = [];
  const done = new Set(GOLDEN.map((g) => g.file));
  for (const id of ids)
    for (const [locale, fx] of Object.entries(BY_LOCALE)) {
      const file = `${id}.${locale}.txt`;
      if (done.has(file)) continue;
      const a = ACTION_FOR[id] ?? {};
      const decision: MessageDecision = {
        ...fx.decision,
        facts: { ...fx.decision.facts, daysSinceRightPartyContact: 9, daysUntilNextDue: 5, nextDueAmount: 120 },
        action: {
          ...(a.offer ? { offer: fx.decision.action?.offer } : {}),
          ...(a.params ? { params: a.params } : {}),
          ...(a.purpose ? { purpose: a.purpose } : {}),
        },
      };
      out.push({ file, template: id, decision, options: { lender: fx.lender, profiles: fx.profiles } });
    }
  const gb = BY_LOCALE["en-GB"]!;
  out.push({
    file: "final-notice.letter-of-claim.en-GB.txt",
    template: "final-notice",
    decision: { ...gb.decision, action: { purpose: "letter_of_claim" } },
    options: { lender: gb.lender, profiles: gb.profiles },
  });
  return out;
}
