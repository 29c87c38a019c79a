// A plain reference implementation of oldest-first allocation, written independently of the
// library's ledger sweep: the property tests hold deriveDelinquency to it.
import type { Due, Payment } from "../../src/model/schema.js";
import { toMinorUnits } from "../../src/money/index.js";
import { parseIsoDate } from "../../src/time/index.js";

/** A due in integer form: epoch day and minor units. */
export interface DueLine {
  day: number;
  amount: number;
  principal: number;
  interest: number;
  fees: number;
  /** Position in the input array, for reporting. */
  index: number;
}

/**
 * Dues as integers, sorted by due date.
 *
 * @example
 * dueLines([{ dueDate: "2026-10-15", amount: "100.00" }], "CNY")[0].amount; // 10000
 */
export function dueLines(dues: readonly Due[], currency: string): DueLine[] {
  const out: DueLine[] = new Array(dues.length);
  for (let i = 0; i < dues.length; i++) {
    const d = dues[i]!;
    const amount = toMinorUnits(d.amount, currency);
    const principal = d.principal === undefined ? -1 : toMinorUnits(d.principal, currency);
    const interest = d.interest === undefined ? 0 : toMinorUnits(d.interest, currency);
    const fees = d.fees === undefined ? 0 : toMinorUnits(d.fees, currency);
    // Without a breakdown, everything not interest or fees is principal.
    out[i] = {
      day: parseIsoDate(d.dueDate),
      amount,
      principal: principal < 0 ? Math.max(0, amount - interest - fees) : principal,
      interest,
      fees,
      index: i,
    };
  }
  return out.sort((a, b) => a.day - b.day);
}

/**
 * Total of payments made on or before `asOfDay`, in minor units. Order-independent.
 *
 * @example
 * paidUpTo([{ date: "2026-10-20", amount: "40.00" }], "CNY", parseIsoDate("2026-10-31")); // 4000
 */
export function paidUpTo(payments: readonly Payment[], currency: string, asOfDay: number): number {
  let total = 0;
  for (const p of payments) if (parseIsoDate(p.date) <= asOfDay) total += toMinorUnits(p.amount, currency);
  return total;
}

/**
 * Remaining unpaid minor units per due (in `lines` order) after applying `paid` to the oldest
 * dues first. Only dues on or before `asOfDay` are owed; money beyond them is a credit that
 * pre-pays later dues, so they also receive it, oldest first.
 *
 * @example
 * remainingAfter(dueLines(dues, "CNY"), 4000); // [6000, 10000] for two dues of 100.00
 */
export function remainingAfter(lines: readonly DueLine[], paid: number): number[] {
  const rem = new Array<number>(lines.length);
  let left = paid;
  for (let i = 0; i < lines.length; i++) {
    const amt = lines[i]!.amount;
    const applied = left >= amt ? amt : left;
    left -= applied;
    rem[i] = amt - applied;
  }
  return rem;
}

/**
 * Days past due at `asOfDay`: days from the oldest due (on or before `asOfDay`) at which the
 * unpaid remainders, added up oldest first, exceed `toleranceMinor`, to `asOfDay`. 0 when nothing qualifies. A plain
 * reference implementation: `deriveDelinquency` computes the same DPD in its one-sweep
 * allocation (a property test keeps the two in agreement).
 *
 * @example
 * dpdFromDues([{ dueDate: "2026-10-15", amount: "100.00" }], [], "CNY", parseIsoDate("2026-11-23")); // 39
 */
export function dpdFromDues(
  dues: readonly Due[],
  payments: readonly Payment[],
  currency: string,
  asOfDay: number,
  toleranceMinor = 0,
): number {
  const lines = dueLines(dues, currency);
  const rem = remainingAfter(lines, paidUpTo(payments, currency, asOfDay));
  // The documented tolerance: remainders are ignored while, added up oldest first, they stay within it.
  let ignored = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.day > asOfDay) break;
    ignored += rem[i]!;
    if (ignored > toleranceMinor) return asOfDay - l.day;
  }
  return 0;
}
