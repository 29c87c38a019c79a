import { ArrearsError, type ArrearsErrorCode } from "../errors/index.js";
import { toMinorUnits, type AmountInput } from "../money/index.js";

const POW10 = [1, 10, 100, 1000, 10000];

/** What {@link minorOf} needs to know about the account. @internal */
export interface MinorCtx {
  id: string;
  currency: string;
  digits: number;
}

/**
 * Integer minor units of a validated amount: plain decimal strings without excess digits take
 * an allocation-free path, the rest go through `toMinorUnits`. Out-of-range amounts become an
 * `ArrearsError` naming `path`. @internal
 */
export function minorOf(v: AmountInput, ctx: MinorCtx, path: readonly (string | number)[], code: ArrearsErrorCode = "INVALID_ACCOUNT"): number {
  if (typeof v === "string" && v.length <= 15) {
    let n = 0, frac = -1, ok = v.length > 0;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 46 && frac < 0) frac = 0;
      else if (c >= 48 && c <= 57) {
        n = n * 10 + (c - 48);
        if (frac >= 0) frac++;
      } else {
        ok = false;
        break;
      }
    }
    if (ok && frac !== 0 && frac <= ctx.digits) return n * POW10[ctx.digits - (frac < 0 ? 0 : frac)]!;
  }
  try {
    return toMinorUnits(v, ctx.currency);
  } catch (e) {
    throw new ArrearsError(code, [{ path: [...path], message: e instanceof Error ? e.message : "invalid amount", received: v }], code === "INVALID_ACCOUNT" ? `account ${JSON.stringify(ctx.id)}` : undefined);
  }
}

/** Decimal string of integer minor units (`12345`, 2 → `"123.45"`). @internal */
export function formatMinor(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const neg = minor < 0;
  let s = String(neg ? -minor : minor);
  while (s.length <= digits) s = "0" + s;
  const cut = s.length - digits;
  return (neg ? "-" : "") + s.slice(0, cut) + "." + s.slice(cut);
}
