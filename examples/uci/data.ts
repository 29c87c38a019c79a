/**
 * UCI "Default of Credit Card Clients" (Taiwan, 2005) → arrears accounts.
 * Reads the CSV from ../shared/data (never copied into this repository or the package).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AccountInput } from "../../src/model/index.js";

const here = dirname(fileURLToPath(import.meta.url));
/** `<project root>/../shared/data/uci-default-credit-card-clients/default_of_credit_card_clients.csv`. */
export const UCI_CSV = resolve(
  here,
  "../../../shared/data/uci-default-credit-card-clients/default_of_credit_card_clients.csv",
);

export interface UciRow {
  id: number;
  limit: number;
  /** PAY_0, PAY_2 … PAY_6: repayment status Sep (newest) … Apr 2005. */
  status: number[];
  /** BILL_AMT1 … BILL_AMT6: statement balances Sep … Apr. */
  bill: number[];
  /** PAY_AMT1 … PAY_AMT6: amounts paid in Sep … Apr. */
  paid: number[];
  defaulted: boolean;
}

export function uciAvailable(): boolean {
  return existsSync(UCI_CSV);
}

export function readUci(path = UCI_CSV): UciRow[] {
  const lines = readFileSync(path, "utf8").trim().split("\n");
  const header = lines[0]!.split(",");
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`column ${name} missing`);
    return i;
  };
  const st = ["PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6"].map(col);
  const bl = [1, 2, 3, 4, 5, 6].map((k) => col(`BILL_AMT${k}`));
  const pa = [1, 2, 3, 4, 5, 6].map((k) => col(`PAY_AMT${k}`));
  const id = col("ID");
  const lim = col("LIMIT_BAL");
  const y = col("default payment next month");
  return lines.slice(1).map((line) => {
    const v = line.split(",").map(Number);
    return {
      id: v[id]!,
      limit: v[lim]!,
      status: st.map((i) => v[i]!),
      bill: bl.map((i) => v[i]!),
      paid: pa.map((i) => v[i]!),
      defaulted: v[y] === 1,
    };
  });
}

/** Evaluation instant: the morning after the September 2005 status, Taipei time. */
export const UCI_AS_OF = "2005-10-01T09:00:00+08:00";
/** Payment dates: PAY_AMT1 (Sep) … PAY_AMT6 (Apr), on the 15th of each month. */
const UCI_PAYMENT_DATES = ["2005-09-15", "2005-08-15", "2005-07-15", "2005-06-15", "2005-05-15", "2005-04-15"];

/** UCI repayment status → monthly cycle status: -2/-1/0 (no balance, paid duly, revolving) → 0; k ≥ 1 → k. */
export const cycleOf = (s: number): number => (s > 0 ? s : 0);
/** Days past due for k months late: the middle of cycle k (15, 45, 75 …); 0 when current. */
export const dpdOf = (s: number): number => (s > 0 ? 30 * s - 15 : 0);

/**
 * One UCI row as an arrears account: a revolving TWD card with a delinquency snapshot
 * (dpd from PAY_0, cycleHistory from PAY_0…PAY_6 newest first), balance = max(0, BILL_AMT1),
 * creditLimit = LIMIT_BAL, and the six monthly payments dated on the 15th.
 * The data has no overdue amount; we approximate it as the September bill left unpaid
 * (max(0, BILL_AMT2 − PAY_AMT1), capped at the balance) when PAY_0 ≥ 1, else 0.
 * The opening date is unknown: 2004-10-01 is a placeholder before every payment.
 */
export function toAccount(r: UciRow): AccountInput {
  const outstanding = Math.max(0, r.bill[0]!);
  const overdue = r.status[0]! > 0 ? Math.min(outstanding, Math.max(0, r.bill[1]! - r.paid[0]!)) : 0;
  const payments = r.paid.flatMap((amount, i) =>
    amount > 0 ? [{ date: UCI_PAYMENT_DATES[i]!, amount: String(amount) }] : [],
  );
  return {
    id: `UCI-${r.id}`,
    product: "revolving",
    currency: "TWD",
    openedOn: "2004-10-01",
    timeZone: "Asia/Taipei",
    locale: "zh-TW",
    creditLimit: String(r.limit),
    balance: { principal: String(outstanding) },
    delinquency: {
      dpd: dpdOf(r.status[0]!),
      asOf: "2005-10-01",
      overdue: String(overdue),
      outstanding: String(outstanding),
      cycleHistory: r.status.map(cycleOf),
    },
    payments: payments.reverse(),
  };
}
