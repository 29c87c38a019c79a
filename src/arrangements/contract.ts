import type { PreparedAccount } from "../model/index.js";

/**
 * The contract installment on `day`, in minor units: the amount of the most recent due on or
 * before `day`, else of the next due; null without dues (a snapshot account). The same
 * definition as the `monthlyDue` fact. Offers cap hardship payments at it, promises measure their
 * minimum against it, re-aging counts minimum payments with it. @internal
 */
export function contractInstallmentAt(p: PreparedAccount, day: number): number | null {
  const d = p.dues;
  if (d === null || d.day.length === 0) return null;
  // Last due on or before `day` (binary search on the sorted due days).
  let lo = 0,
    hi = d.day.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.day[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return d.amount[lo > 0 ? lo - 1 : 0]!;
}
