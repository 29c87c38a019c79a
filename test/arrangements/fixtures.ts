import type { AccountInput } from "../../src/model/index.js";

type Payment = { date: string; amount: string };

/**
 * The oracle's CN arrangement story (CN-ARR-01…04): a plan agreed 2026-08-05 of 6 × ¥1,500 on
 * the 10th (2026-08-10 … 2027-01-10), ¥320 penalty interest waived if it is kept. Contract dues
 * of ¥2,000 on the 20th; the first 12 were paid.
 */
export function cnPlan(payments: Payment[], over: Partial<AccountInput> = {}): AccountInput {
  const dues = Array.from({ length: 17 }, (_, i) => {
    const m = 6 + i; // 2025-07 … 2026-11
    const y = 2025 + Math.floor(m / 12);
    return { dueDate: `${y}-${String((m % 12) + 1).padStart(2, "0")}-20`, amount: "2000.00" };
  });
  return {
    id: "CN-ARR",
    product: "installment",
    currency: "CNY",
    jurisdiction: "CN",
    openedOn: "2025-06-15",
    timeZone: "Asia/Shanghai",
    locale: "zh-CN",
    balance: { principal: "18000.00", penaltyInterest: "320.00" },
    dues,
    payments: [...dues.slice(0, 12).map((d) => ({ date: d.dueDate, amount: "2000.00" })), ...payments],
    arrangements: [
      {
        id: "plan-1",
        kind: "installment_plan",
        agreedOn: "2026-08-05",
        schedule: ["2026-08-10", "2026-09-10", "2026-10-10", "2026-11-10", "2026-12-10", "2027-01-10"].map(
          (dueDate) => ({ dueDate, amount: "1500.00" }),
        ),
        conditionalWaiver: { penaltyInterest: "320.00" },
      },
    ],
    ...over,
  };
}

export const ASOF_CN = "2026-11-23T10:00:00+08:00";
