import { describe, expect, it } from "vitest";
import {
  assignVariant,
  type ExperimentOutcome,
  experimentResults,
  formatReport,
  loadExperiment,
  sampleSizeForLift,
} from "../../src/index.js";
import { studentTCdf, studentTQuantile } from "../../src/util/stats.js";
import { thrownArrearsError } from "../helpers.js";

const experiment = loadExperiment({
  id: "q4-calls",
  salt: "2026-q4",
  variants: [
    { name: "champion", weight: 1 },
    { name: "challenger", weight: 1 },
  ],
});

/** The first `n` account ids the experiment assigns to each variant, in order. */
function idsByVariant(n: number): Record<string, string[]> {
  const out: Record<string, string[]> = { champion: [], challenger: [] };
  for (let i = 0; out.champion!.length < n || out.challenger!.length < n; i++) {
    const id = `CN-${i}`;
    const v = assignVariant(experiment, id);
    if (out[v]!.length < n) out[v]!.push(id);
  }
  return out;
}
const ids = idsByVariant(1000);

/** `cured` of the first accounts cured, `rolled` of the last rolled forward, `amounts` cycled. */
function outcomes(variant: string, cured: number, rolled: number, amounts: string[]): ExperimentOutcome[] {
  return ids[variant]!.map((accountId, i) => ({
    accountId,
    cured: i < cured,
    rolledForward: i >= 1000 - rolled,
    collected: amounts[i % amounts.length]!,
  }));
}

describe("experimentResults", () => {
  const data = [
    ...outcomes("champion", 300, 200, ["0.10", "0.20"]),
    ...outcomes("challenger", 345, 150, ["0.10", "0.30"]),
  ];
  const r = experimentResults(experiment, data, { currency: "CNY" });

  it("reports each variant's rates and exact amounts", () => {
    expect(r.control).toBe("champion");
    expect(r.variants).toEqual([
      {
        variant: "champion",
        accounts: 1000,
        cured: 300,
        cureRate: 0.3,
        rolledForward: 200,
        rollForwardRate: 0.2,
        collected: "150.00", // 500 × 0.10 + 500 × 0.20, exactly (no float drift)
        collectedPerAccount: "0.15",
      },
      {
        variant: "challenger",
        accounts: 1000,
        cured: 345,
        cureRate: 0.345,
        rolledForward: 150,
        rollForwardRate: 0.15,
        collected: "200.00",
        collectedPerAccount: "0.20",
      },
    ]);
  });

  it("compares rates with a two-proportion z-test and Wald intervals (reference values)", () => {
    const cure = r.comparisons[0]!.cure!;
    // Reference (computed independently): z = 2.152673, p = 0.031344, 95 % CI [0.004076, 0.085924].
    expect(cure.difference).toBeCloseTo(0.045, 12);
    expect(cure.z).toBeCloseTo(2.152673, 5);
    expect(cure.pValue).toBeCloseTo(0.031344, 5);
    expect(cure.interval[0]).toBeCloseTo(0.004076, 5);
    expect(cure.interval[1]).toBeCloseTo(0.085924, 5);
    expect(cure.significant).toBe(true);
    expect(cure.relative!.lift).toBeCloseTo(0.15, 12);
    const [lo, hi] = cure.relative!.interval;
    expect(lo).toBeLessThan(0.15);
    expect(hi).toBeGreaterThan(0.15);
    const roll = r.comparisons[0]!.rollForward!;
    expect(roll.difference).toBeCloseTo(-0.05, 12);
    expect(roll.significant).toBe(true);
    // At 99.9 % the cure lift is no longer significant.
    const strict = experimentResults(experiment, data, { currency: "CNY", confidence: 0.999 });
    expect(strict.comparisons[0]!.cure!.significant).toBe(false);
  });

  it("compares mean amounts with Welch's t-test (reference values), in decimal strings", () => {
    const small = [
      ...ids.champion!.slice(0, 4).map((accountId, i) => ({
        accountId,
        cured: false,
        rolledForward: false,
        collected: ["10", "20", "30", "40"][i]!,
      })),
      ...ids.challenger!.slice(0, 3).map((accountId, i) => ({
        accountId,
        cured: i === 0,
        rolledForward: false,
        collected: [30, 50, 70][i]!,
      })),
    ];
    const a = experimentResults(experiment, small, { currency: "USD" }).comparisons[0]!.collectedPerAccount!;
    // Reference: t = 1.889822, Welch df = 3.234719, p = 0.148471, half-width t(0.975, df)·se = 40.423280.
    expect([a.control, a.variant, a.difference]).toEqual(["25.00", "50.00", "25.00"]);
    expect(a.t).toBeCloseTo(1.889822, 5);
    expect(a.df).toBeCloseTo(3.234719, 5);
    expect(a.pValue).toBeCloseTo(0.148471, 5);
    expect(a.interval).toEqual(["-15.43", "65.43"]); // rounded outwards
    expect(a.significant).toBe(false);
    expect(studentTCdf(2, 10)).toBeCloseTo(1 - 0.073388 / 2, 6);
    expect(studentTQuantile(0.975, 3.2347188264058673)).toBeCloseTo(3.055713, 5);
  });

  it("takes the variant from the assignment, and checks a recorded one", () => {
    const recorded = data.map((x, i) => (i < 3 ? { ...x, variant: "champion" } : x));
    expect(experimentResults(experiment, recorded, { currency: "CNY" })).toEqual(r);
    const wrong = data.map((x, i) => (i === 2 ? { ...x, variant: "challenger" } : x));
    const e = thrownArrearsError(() => experimentResults(experiment, wrong, { currency: "CNY" }));
    expect([e.code, e.issues[0]!.path]).toEqual(["INVALID_INPUT", [2, "variant"]]);
    expect(e.issues[0]!.message).toBe(`experiment "q4-calls" assigns account "${data[2]!.accountId}" to "champion"`);
  });

  it("renders a readable report", () => {
    const text = formatReport(r);
    expect(text.split("\n")[0]).toBe("experiment q4-calls: control champion, 95% intervals, amounts in CNY");
    expect(text).toContain("  cure rate: 30.0% → 34.5%, lift +4.5 points (+0.4 to +8.6), p 0.0313 significant");
    expect(text).toMatch(/collected per account: 0\.15 → 0\.20, difference 0\.05/);
  });

  it("says when a variant cannot be compared, and rejects bad outcomes with their path", () => {
    const onlyChampion = outcomes("champion", 1, 1, ["1"]).slice(0, 5);
    const c = experimentResults(experiment, onlyChampion, { currency: "CNY" }).comparisons[0]!;
    expect([c.cure, c.rollForward, c.collectedPerAccount]).toEqual([null, null, null]);
    expect(formatReport(experimentResults(experiment, onlyChampion, { currency: "CNY" }))).toContain("not compared");
    const bad = (o: unknown, opts: object = { currency: "CNY" }) =>
      thrownArrearsError(() => experimentResults(experiment, o, opts as { currency: string }));
    expect(bad([{ ...data[0], collected: "-1" }]).issues[0]!.path).toEqual([0, "collected"]);
    expect(bad([{ ...data[0], collected: Number.NaN }]).issues[0]!.path).toEqual([0, "collected"]);
    expect(bad([data[0], { ...data[1], cured: "yes" }]).issues[0]!.path).toEqual([1, "cured"]);
    expect(bad([data[0], data[0]]).issues[0]).toMatchObject({
      path: [1, "accountId"],
      message: "listed twice (also [0])",
    });
    expect(bad("outcomes").code).toBe("INVALID_INPUT");
    expect(bad(data, { currency: "RMB" }).issues[0]!.path).toEqual(["currency"]);
    expect(bad(data, { currency: "CNY", control: "champ" }).issues[0]).toMatchObject({ path: ["control"] });
    expect(thrownArrearsError(() => experimentResults({ id: "x" }, data, { currency: "CNY" })).code).toBe(
      "INVALID_EXPERIMENT",
    );
  });
});

describe("sampleSizeForLift", () => {
  it("matches the textbook figures", () => {
    // 50 % → 60 %, two-sided 5 %, power 80 %: 388 per arm (the usual table value).
    expect(sampleSizeForLift({ baseRate: 0.5, lift: 0.1 })).toEqual({ control: 388, variant: 388, total: 776 });
    // A mean: σ = 1, Δ = 0.5 → (1.96 + 0.8416)² · 2 / 0.25 = 62.8 → 63 per arm.
    expect(sampleSizeForLift({ sd: 1, lift: 0.5 })).toEqual({ control: 63, variant: 63, total: 126 });
    // An 80/20 split needs more accounts in all than 50/50.
    const uneven = sampleSizeForLift({ baseRate: 0.3, lift: 0.03, ratio: 0.25 });
    const even = sampleSizeForLift({ baseRate: 0.3, lift: 0.03 });
    expect(uneven.total).toBeGreaterThan(even.total);
    expect(uneven.variant).toBe(Math.ceil(uneven.control * 0.25 - 1e-6));
    // More power, more accounts; 60 % → 50 % is as hard to see as 50 % → 60 %.
    expect(sampleSizeForLift({ baseRate: 0.3, lift: 0.03, power: 0.9 }).control).toBeGreaterThan(even.control);
    expect(sampleSizeForLift({ baseRate: 0.6, lift: -0.1 }).control).toBe(388);
  });

  it("rejects impossible inputs with the path", () => {
    const at = (o: unknown) => thrownArrearsError(() => sampleSizeForLift(o as never)).issues[0]!;
    expect(at({ baseRate: 0.95, lift: 0.1 })).toMatchObject({ path: ["lift"] });
    expect(at({ baseRate: 0.3, lift: 0 }).path).toEqual(["lift"]);
    expect(at({ baseRate: 1.3, lift: 0.1 }).path).toEqual(["baseRate"]);
  });
});
