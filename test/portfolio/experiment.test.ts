import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArrearsError } from "../../src/errors/index.js";
import { assignVariant, loadExperiment } from "../../src/portfolio/experiment.js";
import { hashToUnit, murmur3x86_32 } from "../../src/portfolio/hash.js";

describe("murmur3x86_32", () => {
  // Reference vectors of MurmurHash3_x86_32 (SMHasher); pinned so assignment never drifts.
  it.each([
    ["", 0, 0x00000000],
    ["", 1, 0x514e28b7],
    ["hello", 0, 0x248bfa47],
    ["test", 0, 0xba6bd213],
    ["Hello, world!", 1234, 0xfaf6cdb3],
    ["The quick brown fox jumps over the lazy dog", 0, 0x2e4ff723],
    ["aaaa", 0x9747b28c, 0x5a97808a],
  ] as const)("%j seed %d", (s, seed, want) => {
    expect(murmur3x86_32(s, seed)).toBe(want);
  });

  it("hashes UTF-8 bytes (non-ASCII ids are stable)", () => {
    expect(murmur3x86_32("中文")).toBe(0xdb267197);
    // 😀 is one code point, four UTF-8 bytes: same as hashing those bytes as Latin-1 would not be.
    expect(murmur3x86_32("😀")).not.toBe(murmur3x86_32("\u00f0\u009f\u0098\u0080"));
  });

  it("pins assignment-level values (stable across versions)", () => {
    expect(murmur3x86_32("2026-q4:A1")).toBe(murmur3x86_32("2026-q4:A1"));
    expect(hashToUnit("")).toBe(0);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const u = hashToUnit(s);
        return u >= 0 && u < 1 && Number.isInteger(murmur3x86_32(s));
      }),
    );
  });
});

const exp = {
  id: "q4",
  salt: "2026-q4",
  variants: [
    { name: "champion", weight: 50 },
    { name: "challenger", weight: 30 },
    { name: "holdout", weight: 20 },
  ],
};

describe("assignVariant", () => {
  it("is deterministic and matches the documented algorithm", () => {
    for (const id of ["A1", "B-77", "账户9", "x"]) {
      const u = murmur3x86_32(`2026-q4:${id}`) / 2 ** 32;
      const want = u < 0.5 ? "champion" : u < 0.8 ? "challenger" : "holdout";
      expect(assignVariant(exp, id)).toBe(want);
      expect(assignVariant(loadExperiment(exp), id)).toBe(want);
    }
  });

  it("splits 100,000 ids in proportion to the weights (chi-square, df=2)", () => {
    const compiled = loadExperiment(exp);
    const n = 100_000;
    const seen: Record<string, number> = { champion: 0, challenger: 0, holdout: 0 };
    for (let i = 0; i < n; i++) seen[assignVariant(compiled, `ACC-${i}`)]!++;
    const expected = { champion: 0.5 * n, challenger: 0.3 * n, holdout: 0.2 * n };
    let chi2 = 0;
    for (const k of Object.keys(expected) as (keyof typeof expected)[])
      chi2 += (seen[k]! - expected[k]) ** 2 / expected[k];
    // 13.82 is the 0.1% critical value for 2 degrees of freedom.
    expect(chi2).toBeLessThan(13.82);
  });

  it("spreads ids uniformly over [0,1) (chi-square over 100 cells, df=99)", () => {
    const cells = new Array<number>(100).fill(0);
    for (let i = 0; i < 100_000; i++) cells[Math.floor(hashToUnit(`salt-x:${i}`) * 100)]!++;
    const chi2 = cells.reduce((s, c) => s + (c - 1000) ** 2 / 1000, 0);
    expect(chi2).toBeLessThan(148.2); // 0.1% critical value, df=99
  });

  it("a different salt reshuffles; zero-weight variants never get traffic", () => {
    const other = { ...exp, salt: "2027-q1" };
    let moved = 0;
    for (let i = 0; i < 2000; i++) if (assignVariant(exp, `A${i}`) !== assignVariant(other, `A${i}`)) moved++;
    expect(moved).toBeGreaterThan(800);
    const off = {
      id: "x",
      salt: "s",
      variants: [
        { name: "a", weight: 0 },
        { name: "b", weight: 1 },
      ],
    };
    for (let i = 0; i < 500; i++) expect(assignVariant(off, `A${i}`)).toBe("b");
  });

  it("rejects malformed experiments with INVALID_EXPERIMENT and paths", () => {
    const bad = (e: unknown): ArrearsError => {
      try {
        assignVariant(e, "A1");
      } catch (err) {
        expect(err).toBeInstanceOf(ArrearsError);
        return err as ArrearsError;
      }
      throw new Error("expected a throw");
    };
    expect(bad({ id: "x", salt: "s", variants: [] }).code).toBe("INVALID_EXPERIMENT");
    const dup = bad({
      id: "x",
      salt: "s",
      variants: [
        { name: "a", weight: 1 },
        { name: "a", weight: 2 },
      ],
    });
    expect(dup.issues[0]!.path).toEqual(["variants", 1, "name"]);
    expect(bad({ id: "x", salt: "s", variants: [{ name: "a", weight: -1 }] }).issues[0]!.path).toEqual([
      "variants",
      0,
      "weight",
    ]);
    expect(bad({ id: "x", salt: "s", variants: [{ name: "a", weight: 0 }] }).issues[0]!.path).toEqual(["variants"]);
    expect(bad({ id: "x", variants: [{ name: "a", weight: 1 }] }).issues[0]!.path).toEqual(["salt"]);
    expect(bad(null).code).toBe("INVALID_EXPERIMENT");
    expect(() => assignVariant(exp, "")).toThrow(ArrearsError);
  });
});
