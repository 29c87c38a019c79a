import { type AmountInput, minorDigits, toMinorUnits } from "../money/index.js";

/** @internal Exact running totals per currency in integer minor units (BigInt: no overflow for any portfolio). */
export class ExposureSums {
  private readonly sums = new Map<string, { overdue: bigint; outstanding: bigint }>();

  add(currency: string, overdue: AmountInput, outstanding: AmountInput): void {
    let s = this.sums.get(currency);
    if (!s) this.sums.set(currency, (s = { overdue: 0n, outstanding: 0n }));
    s.overdue += BigInt(toMinorUnits(overdue, currency));
    s.outstanding += BigInt(toMinorUnits(outstanding, currency));
  }

  addMinor(currency: string, overdue: number, outstanding: number): void {
    let s = this.sums.get(currency);
    if (!s) this.sums.set(currency, (s = { overdue: 0n, outstanding: 0n }));
    s.overdue += BigInt(overdue);
    s.outstanding += BigInt(outstanding);
  }

  /** `{USD: {overdue: "12.30", outstanding: "900.00"}, …}`, currencies in code order. */
  toJSON(): Record<string, { overdue: string; outstanding: string }> {
    const out: Record<string, { overdue: string; outstanding: string }> = {};
    for (const c of [...this.sums.keys()].sort()) {
      const s = this.sums.get(c)!;
      out[c] = { overdue: formatMinorBig(s.overdue, c), outstanding: formatMinorBig(s.outstanding, c) };
    }
    return out;
  }
}

/**
 * Decimal string of a BigInt count of minor units (exact at any size, for portfolio totals).
 *
 * @example
 * formatMinorBig(12345n, "USD"); // "123.45"
 * formatMinorBig(7n, "JPY");     // "7"
 */
export function formatMinorBig(minor: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const neg = minor < 0n;
  const s = (neg ? -minor : minor).toString();
  if (digits === 0) return (neg ? "-" : "") + s;
  const p = s.padStart(digits + 1, "0");
  return `${neg ? "-" : ""}${p.slice(0, -digits)}.${p.slice(-digits)}`;
}
