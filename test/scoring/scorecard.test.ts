import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AccountInput,
  ArrearsError,
  deriveFacts,
  FACTS,
  type Facts,
  loadScorecard,
  loadScoring,
  parseAccount,
  score,
} from "../../src/index.js";
import {
  hardshipScorecard,
  riskBehavioralScorecard,
  type ScorecardInput,
  scoreToProbability,
} from "../../src/scoring/index.js";

const tiny: ScorecardInput = {
  schemaVersion: 1,
  id: "tiny",
  version: "1",
  description: "test card",
  basePoints: 100,
  odds: { baseScore: 100, baseOdds: 1, pointsToDoubleOdds: 10 },
  maxReasons: 2,
  characteristics: [
    {
      name: "depth",
      fact: "dpd",
      type: "numeric",
      reasonCode: "D",
      reasonText: "late",
      bins: [
        { max: 1, points: 30 },
        { min: 1, max: 30, points: 10 },
        { min: 30, points: -20 },
      ],
      missing: { points: 0 },
    },
    {
      name: "kind",
      fact: "hardshipKind",
      type: "categorical",
      reasonCode: "K",
      reasonText: "hardship",
      bins: [
        { values: ["medical"], points: -10 },
        { values: ["other"], points: 5 },
      ],
      other: { points: 0 },
      missing: { label: "none", points: 10 },
    },
    {
      name: "reach",
      fact: "unreachable",
      type: "categorical",
      reasonCode: "U",
      reasonText: "unreachable",
      bins: [
        { values: [false], points: 0 },
        { values: [true], points: -30 },
      ],
      missing: { points: 0 },
    },
  ],
};

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function issueOf(json: unknown): ArrearsError {
  try {
    loadScorecard(json);
  } catch (e) {
    expect(e).toBeInstanceOf(ArrearsError);
    expect((e as ArrearsError).code).toBe("INVALID_SCORECARD");
    return e as ArrearsError;
  }
  throw new Error("expected loadScorecard to throw");
}

describe("score", () => {
  it("adds bin points to basePoints and maps score to probability (hand-computed)", () => {
    const r = score(tiny, { dpd: 45, hardshipKind: "medical", unreachable: false });
    // 100 - 20 - 10 + 0 = 70; odds 1 · 2^((70-100)/10) = 1/8 → P = 1/(1+1/8) = 0.8889
    expect(r.score).toBe(70);
    expect(r.probability).toBe(0.8889);
    expect(r.points).toEqual([
      { characteristic: "depth", fact: "dpd", value: 45, bin: "≥ 30", points: -20 },
      { characteristic: "kind", fact: "hardshipKind", value: "medical", bin: "medical", points: -10 },
      { characteristic: "reach", fact: "unreachable", value: false, bin: "false", points: 0 },
    ]);
  });

  it("uses half-open bins: the boundary value belongs to the upper bin", () => {
    expect(score(tiny, { dpd: 0 }).points[0]!.points).toBe(30);
    expect(score(tiny, { dpd: 0.999 }).points[0]!.points).toBe(30);
    expect(score(tiny, { dpd: 1 }).points[0]!.points).toBe(10);
    expect(score(tiny, { dpd: 29.5 }).points[0]!.points).toBe(10);
    expect(score(tiny, { dpd: 30 }).points[0]!.points).toBe(-20);
    expect(score(tiny, { dpd: -1e9 }).points[0]!.points).toBe(30);
    expect(score(tiny, { dpd: Infinity }).points[0]!.points).toBe(-20);
  });

  it("uses the missing bin for null or absent facts and `other` for unlisted categories", () => {
    const r = score(tiny, { dpd: null });
    expect(r.points.map((p) => [p.bin, p.points])).toEqual([
      ["missing", 0],
      ["none", 10],
      ["missing", 0],
    ]);
    expect(r.score).toBe(110);
    expect(score(tiny, { hardshipKind: "unemployment" }).points[1]).toMatchObject({ bin: "other", points: 0 });
  });

  it("orders reasons by points lost against the best bin, ties in card order, capped at maxReasons", () => {
    // depth: 30 - (-20) = 50 lost; kind: 10 - (-10) = 20; reach: 0 - (-30) = 30
    const r = score(tiny, { dpd: 60, hardshipKind: "medical", unreachable: true });
    expect(r.reasons).toEqual([
      { code: "D", characteristic: "depth", text: "late", pointsLost: 50 },
      { code: "U", characteristic: "reach", text: "unreachable", pointsLost: 30 },
    ]);
    // depth 20 lost, kind 20 lost: tie → card order
    const t = score(tiny, { dpd: 5, hardshipKind: "other", unreachable: false });
    expect(t.reasons.map((x) => [x.code, x.pointsLost])).toEqual([
      ["D", 20],
      ["K", 5],
    ]);
    expect(score(tiny, { dpd: 0, hardshipKind: null, unreachable: false }).reasons).toEqual([]);
  });

  it("rejects facts of the wrong type with INVALID_INPUT naming the fact", () => {
    for (const facts of [{ dpd: "45" }, { dpd: NaN }, { unreachable: "yes" }, { hardshipKind: 3 }] as Facts[]) {
      let err: unknown;
      try {
        score(tiny, facts);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ArrearsError);
      expect((err as ArrearsError).code).toBe("INVALID_INPUT");
      expect((err as ArrearsError).issues[0]!.path).toEqual([Object.keys(facts)[0]]);
    }
  });

  it("accepts raw JSON or the compiled card with identical results", () => {
    const facts = { dpd: 12, hardshipKind: "other", unreachable: true };
    const card = loadScorecard(tiny);
    expect(score(card, facts)).toEqual(score(tiny, facts));
    expect(loadScorecard(card)).toBe(card);
    expect(card.minScore).toBe(100 - 20 - 10 - 30);
    expect(card.maxScore).toBe(100 + 30 + 10 + 0);
  });

  it("clamps to the range of a 0–100 card and has a null probability without odds", () => {
    const r = score(hardshipScorecard, {});
    expect(r.score).toBe(0);
    expect(r.probability).toBeNull();
  });
});

describe("loadScorecard validation", () => {
  it("rejects an unknown fact with the path and a suggestion", () => {
    const j = clone(tiny);
    j.characteristics[0]!.fact = "dpdd";
    const e = issueOf(j);
    expect(e.issues[0]!.path).toEqual(["characteristics", 0, "fact"]);
    expect(e.issues[0]!.message).toContain('did you mean "dpd"');
    expect(e.issues[0]!.received).toBe("dpdd");
  });

  it("rejects gaps and overlaps between numeric bins", () => {
    const gap = clone(tiny);
    (gap.characteristics[0]!.bins[1] as { min: number }).min = 2;
    const g = issueOf(gap);
    expect(g.issues[0]!.path).toEqual(["characteristics", 0, "bins", 1, "min"]);
    expect(g.issues[0]!.message).toMatch(/^gap/);
    const overlap = clone(tiny);
    (overlap.characteristics[0]!.bins[2] as { min: number }).min = 20;
    const o = issueOf(overlap);
    expect(o.issues[0]!.path).toEqual(["characteristics", 0, "bins", 2, "min"]);
    expect(o.issues[0]!.message).toMatch(/^overlap/);
  });

  it("requires the first bin open below and the last open above, and min < max", () => {
    const j = clone(tiny);
    const bins = j.characteristics[0]!.bins as { min?: number; max?: number }[];
    bins[0]!.min = 0;
    bins[2]!.max = 1000;
    const e = issueOf(j);
    expect(e.issues.map((i) => i.path.join("."))).toEqual([
      "characteristics.0.bins.0.min",
      "characteristics.0.bins.2.max",
    ]);
    const inv = clone(tiny);
    const b2 = inv.characteristics[0]!.bins as { min?: number; max?: number }[];
    b2[1]!.max = 1;
    b2[2]!.min = 1;
    expect(issueOf(inv).issues[0]!.path).toEqual(["characteristics", 0, "bins", 1, "max"]);
  });

  it("rejects bins of the wrong kind for the fact's type", () => {
    const j = clone(tiny);
    j.characteristics[1]!.type = "numeric" as never;
    (j.characteristics[1] as { bins: unknown[] }).bins = [{ points: 0 }];
    delete (j.characteristics[1] as { other?: unknown }).other;
    expect(issueOf(j).issues[0]!.path).toEqual(["characteristics", 1, "type"]);
  });

  it("rejects unknown or repeated categories and a missing `other` when values are not all listed", () => {
    const j = clone(tiny);
    (j.characteristics[1]!.bins[1] as { values: string[] }).values = ["medicall"];
    const e = issueOf(j);
    expect(e.issues[0]!.path).toEqual(["characteristics", 1, "bins", 1, "values", 0]);
    expect(e.issues[0]!.message).toContain('did you mean "medical"');
    const dup = clone(tiny);
    (dup.characteristics[1]!.bins[1] as { values: string[] }).values = ["medical"];
    expect(issueOf(dup).issues[0]!.message).toContain("listed twice");
    const noOther = clone(tiny);
    delete (noOther.characteristics[1] as { other?: unknown }).other;
    expect(issueOf(noOther).issues[0]!.path).toEqual(["characteristics", 1, "other"]);
    // booleans listing both values need no `other`
    expect(() => loadScorecard(tiny)).not.toThrow();
  });

  it("reports shape errors from zod with their path (non-integer points, unknown key, missing missing-bin)", () => {
    const j = clone(tiny) as Record<string, unknown> & typeof tiny;
    (j.characteristics[0]!.bins[0] as { points: number }).points = 1.5;
    expect(issueOf(j).issues[0]!.path).toEqual(["characteristics", 0, "bins", 0, "points"]);
    const k = clone(tiny) as unknown as Record<string, unknown>;
    k.baseScroe = 1;
    expect(issueOf(k).issues[0]).toMatchObject({ path: ["baseScroe"], message: "unknown field" });
    const m = clone(tiny);
    delete (m.characteristics[2] as { missing?: unknown }).missing;
    expect(issueOf(m).issues[0]!.path).toEqual(["characteristics", 2, "missing"]);
  });

  it("rejects duplicate characteristic names", () => {
    const j = clone(tiny);
    j.characteristics[2]!.name = "depth";
    expect(issueOf(j).issues[0]!.path).toEqual(["characteristics", 2, "name"]);
  });
});

// ---------- properties on the shipped cards ----------

const defs = new Map(FACTS.map((d) => [d.name, d]));

function factArb(name: string): fc.Arbitrary<number | string | boolean | null> {
  const d = defs.get(name)!;
  const base: fc.Arbitrary<number | string | boolean> =
    d.type === "number"
      ? fc.oneof(
          fc.integer({ min: -5, max: 400 }),
          fc.double({ noNaN: true, min: -1e12, max: 1e12 }),
          fc.constantFrom(0, 1, 0.5, 1e-4),
        )
      : d.type === "boolean"
        ? fc.boolean()
        : fc.constantFrom(...(d.values ?? ["x"]));
  return fc.option(base, { nil: null });
}

function factsArb(card: unknown): fc.Arbitrary<Facts> {
  const c = loadScorecard(card);
  const rec: Record<string, fc.Arbitrary<number | string | boolean | null>> = {};
  for (const ch of c.characteristics) rec[ch.fact] = factArb(ch.fact);
  return fc.record(rec);
}

describe.each([
  ["risk-behavioral", riskBehavioralScorecard],
  ["hardship", hardshipScorecard],
])("shipped card %s", (_, card) => {
  const c = loadScorecard(card);

  it("scores any valid facts to a finite integer within [minScore, maxScore], never NaN", () => {
    fc.assert(
      fc.property(factsArb(card), (facts) => {
        const r = score(c, facts);
        expect(Number.isInteger(r.score)).toBe(true);
        expect(r.score).toBeGreaterThanOrEqual(c.minScore);
        expect(r.score).toBeLessThanOrEqual(c.maxScore);
        if (r.probability !== null) {
          expect(Number.isFinite(r.probability)).toBe(true);
          expect(r.probability).toBeGreaterThanOrEqual(0);
          expect(r.probability).toBeLessThanOrEqual(1);
        }
        for (let i = 1; i < r.reasons.length; i++)
          expect(r.reasons[i - 1]!.pointsLost).toBeGreaterThanOrEqual(r.reasons[i]!.pointsLost);
        expect(r.reasons.length).toBeLessThanOrEqual(c.maxReasons);
        expect(r.reasons.every((x) => x.pointsLost > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("has numeric bins that tile the real line: every number falls in exactly one [min, max)", () => {
    for (const ch of c.source.characteristics) {
      if (ch.type !== "numeric") continue;
      fc.assert(
        fc.property(fc.double({ noNaN: true }), (x) => {
          const hits = ch.bins.filter((b) => (b.min === undefined || x >= b.min) && (b.max === undefined || x < b.max));
          expect(hits.length).toBe(1);
          const r = score(c, { [ch.fact]: x });
          expect(r.points.find((p) => p.characteristic === ch.name)!.points).toBe(hits[0]!.points);
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe("probability", () => {
  const risk = loadScorecard(riskBehavioralScorecard);
  it("is monotone: a higher risk score never has a higher probability of not paying", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 3000 }), fc.integer({ min: 0, max: 500 }), (s, d) => {
        const a = scoreToProbability(risk, s)!;
        const b = scoreToProbability(risk, s + d)!;
        expect(b).toBeLessThanOrEqual(a);
      }),
    );
    // strictly decreasing across the card's own range, in steps of pointsToDoubleOdds
    const ps = [400, 440, 480, 520, 560, 600, 640].map((s) => scoreToProbability(risk, s)!);
    for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeLessThan(ps[i - 1]!);
  });

  it("matches the odds definition: baseOdds at baseScore, doubling every pointsToDoubleOdds", () => {
    const o = risk.odds!;
    expect(scoreToProbability(risk, o.baseScore)).toBe(Math.round(10_000 / (1 + o.baseOdds)) / 10_000);
    expect(scoreToProbability(risk, o.baseScore + o.pointsToDoubleOdds)).toBe(
      Math.round(10_000 / (1 + 2 * o.baseOdds)) / 10_000,
    );
    expect(scoreToProbability(risk, o.baseScore - o.pointsToDoubleOdds)).toBe(
      Math.round(10_000 / (1 + o.baseOdds / 2)) / 10_000,
    );
  });

  it("rounds to 4 decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (s) => {
        const p = scoreToProbability(risk, s)!;
        expect(Math.round(p * 10_000) / 10_000).toBe(p);
      }),
    );
  });
});

describe("hardship card", () => {
  const clean: Facts = {
    hardshipReported: false,
    hardshipKind: null,
    daysSinceHardshipReported: null,
    debtServiceRatio: 0.25,
    partialPayments90d: 0,
    paymentRatio90d: 1.2,
    vulnerable: false,
    cleanCyclesBeforeDelinquency: 2,
    firstDelinquency: false,
  };
  it("scores a reported medical hardship with falling payments higher than a clean account", () => {
    const medical = {
      ...clean,
      hardshipReported: true,
      hardshipKind: "medical",
      daysSinceHardshipReported: 20,
      partialPayments90d: 2,
      paymentRatio90d: 0.3,
    };
    const a = score(hardshipScorecard, clean);
    const b = score(hardshipScorecard, medical);
    expect(a.score).toBe(0);
    // 25 reported + 20 medical + 10 recent + 10 partial + 10 shortfall
    expect(b.score).toBe(75);
    expect(b.reasons[0]!.code).toBe("H01");
  });

  it("never lowers the score when a hardship is added to any account (property)", () => {
    fc.assert(
      fc.property(factsArb(hardshipScorecard), (facts) => {
        const without = score(hardshipScorecard, {
          ...facts,
          hardshipReported: false,
          hardshipKind: null,
          daysSinceHardshipReported: null,
        }).score;
        const withIt = score(hardshipScorecard, {
          ...facts,
          hardshipReported: true,
          hardshipKind: "medical",
          daysSinceHardshipReported: 5,
        }).score;
        expect(withIt).toBeGreaterThanOrEqual(without);
      }),
      { numRuns: 300 },
    );
  });
});

describe("hardship card on accounts through deriveFacts", () => {
  const base: AccountInput = {
    id: "H-1",
    product: "installment",
    currency: "CNY",
    jurisdiction: "CN",
    openedOn: "2025-01-10",
    timeZone: "Asia/Shanghai",
    balance: { principal: "8000.00" },
    dues: [
      { dueDate: "2026-08-15", amount: "1000.00" },
      { dueDate: "2026-09-15", amount: "1000.00" },
      { dueDate: "2026-10-15", amount: "1000.00" },
      { dueDate: "2026-11-15", amount: "1000.00" },
    ],
    payments: [
      { date: "2026-08-14", amount: "1000.00" },
      { date: "2026-09-14", amount: "1000.00" },
      { date: "2026-10-14", amount: "1000.00" },
      { date: "2026-11-14", amount: "1000.00" },
    ],
  };
  const asOf = "2026-11-20T10:00:00+08:00";

  it("scores a reported medical hardship with falling payments above a clean account", () => {
    const medical: AccountInput = {
      ...base,
      id: "H-2",
      payments: [
        { date: "2026-08-14", amount: "1000.00" },
        { date: "2026-09-20", amount: "500.00" },
        { date: "2026-10-25", amount: "200.00" },
      ],
      borrower: { hardship: [{ kind: "medical", reportedOn: "2026-11-02" }] },
    };
    const clean = score(hardshipScorecard, deriveFacts(parseAccount(base), { asOf }));
    const sick = score(hardshipScorecard, deriveFacts(parseAccount(medical), { asOf }));
    expect(clean.score).toBe(0);
    expect(clean.reasons).toEqual([]);
    // reported 25 + medical 20 + 18 days ago 10 + two partial payments 10 + paid 700 of 3000 due 10
    // + 20 clean months before 10 + first delinquency 5
    expect(sick.score).toBe(90);
    expect(sick.reasons.slice(0, 2).map((r) => r.code)).toEqual(["H01", "H02"]);
  });
});

describe("a card's own facts (ownFacts)", () => {
  const own: ScorecardInput = {
    ...clone(tiny),
    id: "own",
    ownFacts: [
      { name: "bureauScore", type: "number", description: "The bureau's score" },
      { name: "region", type: "string", values: ["north", "south"] },
    ],
    characteristics: [
      ...clone(tiny).characteristics,
      {
        name: "bureau",
        fact: "bureauScore",
        type: "numeric",
        reasonCode: "B",
        reasonText: "low bureau score",
        bins: [
          { max: 600, points: -15 },
          { min: 600, points: 15 },
        ],
        missing: { points: 0 },
      },
      {
        name: "region",
        fact: "region",
        type: "categorical",
        reasonCode: "G",
        reasonText: "region",
        bins: [
          { values: ["north"], points: 3 },
          { values: ["south"], points: -3 },
        ],
        missing: { points: 0 },
      },
    ],
    tests: [{ name: "low bureau", facts: { dpd: 0, bureauScore: 550 }, expect: { reasons: ["B"] } }],
  };

  it("scores with the facts the caller supplies, reasons included", () => {
    const card = loadScorecard(own);
    expect(card.ownFacts).toEqual(["bureauScore", "region"]);
    const r = score(card, { dpd: 0, bureauScore: 550, region: "south", unreachable: false });
    expect(r.points.map((p) => p.points)).toEqual([30, 10, 0, -15, -3]);
    expect(r.reasons.map((x) => x.code)).toEqual(["B", "G"]);
    // Absent = missing, as for any fact.
    expect(score(card, { dpd: 0 }).points[3]!.bin).toBe("missing");
  });

  it("rejects an undeclared fact, a shadowed or duplicate name, values on a number and an unknown value", () => {
    const undeclared = clone(own);
    undeclared.ownFacts = [undeclared.ownFacts![1]!];
    const e = issueOf(undeclared);
    expect(e.issues.map((i) => i.path)).toEqual([
      ["characteristics", 3, "fact"],
      ["tests", 0, "facts", "bureauScore"],
    ]);
    expect(e.issues[0]!.message).toMatch(/unknown fact "bureauScore".*declared in ownFacts/);
    const shadow = clone(own);
    shadow.ownFacts!.push({ name: "dpd", type: "number" }, { name: "region", type: "string" });
    shadow.ownFacts![0]!.values = ["x"];
    expect(issueOf(shadow).issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["ownFacts.0.values", "only a string fact has a closed set of values"],
      ["ownFacts.2.name", "already a fact of the catalogue: read it from there (remove it from ownFacts)"],
      ["ownFacts.3.name", "declared twice"],
    ]);
    const value = clone(own);
    (value.characteristics[4]!.bins[1] as { values: string[] }).values = ["east"];
    expect(issueOf(value).issues[0]!.path).toEqual(["characteristics", 4, "bins", 1, "values", 0]);
    const reserved = clone(own);
    reserved.ownFacts![0]!.name = "constructor";
    expect(issueOf(reserved).issues[0]!.message).toMatch(/reserved name/);
  });

  it("cannot run inside decide: loadScoring names the characteristic", () => {
    let e: unknown;
    try {
      loadScoring({ risk: own });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ArrearsError);
    expect((e as ArrearsError).issues.map((i) => i.path)).toEqual([
      ["risk", "characteristics", 3, "fact"],
      ["risk", "characteristics", 4, "fact"],
    ]);
    expect((e as ArrearsError).issues[0]!.message).toMatch(/own.*deriveFacts does not compute it/);
  });
});
