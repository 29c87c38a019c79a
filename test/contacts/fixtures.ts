import type { AccountInput } from "../../src/index.js";

type ContactIn = NonNullable<AccountInput["contacts"]>[number];

/** A minimal valid installment account; contacts and payments supplied by the test. */
export function account(over: Partial<AccountInput> & { contacts?: ContactIn[] } = {}): AccountInput {
  return {
    id: "T1",
    product: "installment",
    currency: "CNY",
    jurisdiction: "CN",
    openedOn: "2025-01-01",
    timeZone: "Asia/Shanghai",
    balance: { principal: "5000.00" },
    dues: [{ dueDate: "2026-10-15", amount: "1000.00" }],
    payments: [],
    contacts: [],
    ...over,
  } as AccountInput;
}

/** An outbound call with an outcome at an instant. */
export const call = (
  at: string,
  outcome: ContactIn["outcome"] = "no_answer",
  extra: Partial<ContactIn> = {},
): ContactIn => ({
  at,
  channel: "call",
  direction: "outbound",
  outcome,
  ...extra,
});
