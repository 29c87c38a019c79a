import type { AccountInput } from "../../src/model/index.js";

/** A delinquent installment account: 1200.00 outstanding, two 100.00 dues unpaid in Sep/Oct 2026. */
export function account(over: Partial<AccountInput> = {}): AccountInput {
  return {
    id: "A1",
    product: "installment",
    currency: "USD",
    jurisdiction: "US-NY",
    openedOn: "2026-01-01",
    timeZone: "Asia/Shanghai",
    balance: { principal: "1000.00", interest: "100.00", penaltyInterest: "50.00", fees: "50.00" },
    dues: [
      { dueDate: "2026-09-15", amount: "100.00" },
      { dueDate: "2026-10-15", amount: "100.00" },
      { dueDate: "2026-12-15", amount: "100.00" },
    ],
    ...over,
  };
}
