/** The money calculator: every conversion, rounding and formatting of an amount goes through here. */
export {
  type AmountInput,
  addAmounts,
  compareAmounts,
  Dec,
  formatMinor,
  fromMinorUnits,
  isAmountInRange,
  isAmountLike,
  isKnownCurrency,
  minorDigits,
  minorUnitsAt,
  minorUnitsFast,
  roundAmount,
  subtractAmounts,
  toDec,
  toMinorUnits,
} from "./amounts.js";
export { formatMoney } from "./format.js";
