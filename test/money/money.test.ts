import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ArrearsError,
  addAmounts,
  compareAmounts,
  fromMinorUnits,
  isKnownCurrency,
  minorDigits,
  roundAmount,
  subtractAmounts,
  toMinorUnits,
} from "../../src/index.js";

describe("money", () => {
  it("knows currencies and their minor units", () => {
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("CNY")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("KWD")).toBe(3);
    expect(isKnownCurrency("XYZ")).toBe(false);
    expect(() => minorDigits("XYZ")).toThrow(ArrearsError);
  });

  it("adds without binary-float error", () => {
    expect(addAmounts("USD", 0.1, 0.2)).toBe("0.30");
    expect(addAmounts("USD", "0.10", "0.20", "1000000000000.01")).toBe("1000000000000.31");
    expect(subtractAmounts("USD", "10.00", "0.01")).toBe("9.99");
    expect(compareAmounts("1.10", "1.1")).toBe(0);
    expect(compareAmounts("1.09", 1.1)).toBe(-1);
  });

  it("rounds half away from zero to the currency's minor unit", () => {
    expect(roundAmount("1.005", "USD")).toBe("1.01");
    expect(roundAmount("1.004", "USD")).toBe("1.00");
    expect(roundAmount("1234.5", "JPY")).toBe("1235");
    expect(roundAmount("1.0005", "KWD")).toBe("1.001");
  });

  it("converts to and from integer minor units", () => {
    expect(toMinorUnits("1234.5", "USD")).toBe(123450);
    expect(toMinorUnits("0.005", "USD")).toBe(1);
    expect(toMinorUnits(19.99, "USD")).toBe(1999);
    expect(toMinorUnits("1500", "JPY")).toBe(1500);
    expect(fromMinorUnits(5, "USD")).toBe("0.05");
    expect(fromMinorUnits(-123456, "USD")).toBe("-1234.56");
    expect(fromMinorUnits(1500, "JPY")).toBe("1500");
    expect(fromMinorUnits(1, "KWD")).toBe("0.001");
  });

  it("rejects non-finite and non-decimal amounts", () => {
    expect(() => toMinorUnits(Number.NaN, "USD")).toThrow(ArrearsError);
    expect(() => toMinorUnits(Number.POSITIVE_INFINITY, "USD")).toThrow(ArrearsError);
    expect(() => toMinorUnits("1e5", "USD")).toThrow(ArrearsError);
    expect(() => toMinorUnits("12,50", "USD")).toThrow(ArrearsError);
    expect(() => toMinorUnits(".5", "USD")).toThrow(ArrearsError);
    expect(() => toMinorUnits("12.", "USD")).toThrow(ArrearsError);
    expect(() => toMinorUnits("1.2.3", "USD")).toThrow(ArrearsError);
  });

  it("does not touch the global Decimal configuration", () => {
    const before = Decimal.precision;
    addAmounts("USD", "1.23", "4.56");
    expect(Decimal.precision).toBe(before);
  });

  it("property: minor units round-trip and sums add up to the cent", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 13n }), { maxLength: 30 }), (cents) => {
        const strings = cents.map((c) => fromMinorUnits(Number(c), "USD"));
        for (let i = 0; i < strings.length; i++) expect(toMinorUnits(strings[i]!, "USD")).toBe(Number(cents[i]));
        const total = cents.reduce((a, b) => a + b, 0n);
        expect(addAmounts("USD", ...strings, "0")).toBe(new Decimal(total.toString()).div(100).toFixed(2));
      }),
    );
  });
});
