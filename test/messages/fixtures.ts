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
