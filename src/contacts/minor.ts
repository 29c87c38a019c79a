import { ArrearsError, type ArrearsErrorCode } from "../errors/index.js";
import { type AmountInput, minorUnitsFast, toMinorUnits } from "../money/index.js";

export { formatMinor } from "../delinquency/prepare.js";

/** What {@link minorOf} needs to know about the account. @internal */
export interface MinorCtx {
  id: string;
  currency: string;
  digits: number;
}

/**
 * Integer minor units of a validated amount (the money module's allocation-free path, else the
 * exact one). Out-of-range amounts become an `ArrearsError` naming `path`. @internal
 */
export function minorOf(
  v: AmountInput,
  ctx: MinorCtx,
  path: readonly (string | number)[],
  code: ArrearsErrorCode = "INVALID_ACCOUNT",
): number {
  const fast = minorUnitsFast(v, ctx.digits);
  if (fast === fast) return fast; // not NaN
  try {
    return toMinorUnits(v, ctx.currency);
  } catch (e) {
    throw new ArrearsError(
      code,
      [{ path: [...path], message: e instanceof Error ? e.message : "invalid amount", received: v }],
      code === "INVALID_ACCOUNT" ? `account ${JSON.stringify(ctx.id)}` : undefined,
    );
  }
}
