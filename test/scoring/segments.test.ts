import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyScores, explainSegment, type Facts, loadScoring, loadSegmentation, score } from "../../src/index.js";
import {
  defaultScoring,
  defaultSegmentation,
  hardshipScorecard,
  riskBehavioralScorecard,
  SEGMENTS,
  segmentOf,
} from "../../src/scoring/index.js";
import { thrownArrearsError as thrown } from "../helpers.js";

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

describe("segmentOf", () => {
  it("maps the two axes onto the four segments", () => {
    expect(segmentOf(defaultSegmentation, { hardshipScore: 0, riskProbability: 0.1 })).toBe("self_cure");
    expect(segmentOf(defaultSegmentation, { hardshipScore: 60, promisesKept90d: 1 })).toBe("hardship");
    expect(segmentOf(defaultSegmentation, { hardshipScore: 0, refusals90d: 2 })).toBe("escalate");
    expect(segmentOf(defaultSegmentation, { hardshipScore: 60, refusals90d: 1 })).toBe("settlement_review");
  });

  it("reads thresholds from data: hardshipScore 39 is able, 40 is not", () => {
    expect(segmentOf(defaultSegmentation, { hardshipScore: 39 })).toBe("self_cure");
    expect(segmentOf(defaultSegmentation, { hardshipScore: 40 })).toBe("hardship");
    const custom = clone(defaultSegmentation) as { ability: { signals: { value: number }[] } };
    custom.ability.signals[0]!.value = 80;
    expect(segmentOf(custom, { hardshipScore: 60 })).toBe("self_cure");
  });

  it("explains which signals held and the axis totals", () => {
    const e = explainSegment(defaultSegmentation, {
      hardshipScore: 10,
      promisesBroken90d: 2,
      refusals90d: 1,
      promisesKept90d: 0,
    });
    expect(e.segment).toBe("escalate");
    expect(e.able).toBe(true);
    expect(e.willingness.points).toBe(-2 - 2 - 3);
    expect(e.willingness.signals.map((s) => s.fact)).toEqual(["promisesBroken90d", "promisesBroken90d", "refusals90d"]);
  });

  it("ignores null facts (no signal holds) and always returns one of the four segments", () => {
    expect(segmentOf(defaultSegmentation, { hardshipScore: null, riskProbability: null })).toBe("self_cure");
    const seg = loadSegmentation(defaultSegmentation);
    fc.assert(
      fc.property(
        fc.record({
          hardshipScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
          riskProbability: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
          promisesKept90d: fc.nat(5),
          promisesBroken90d: fc.nat(5),
          refusals90d: fc.nat(5),
          disputes90d: fc.nat(3),
          unreachable: fc.boolean(),
          bankrupt: fc.boolean(),
        }),
        (facts) => {
          const s = segmentOf(seg, facts);
          expect(SEGMENTS).toContain(s);
          expect(explainSegment(seg, facts).segment).toBe(s);
        },
      ),
    );
  });

  it("rejects bad segmentations with paths: unknown fact, numeric operator on a boolean, reading segment", () => {
    const j = clone(defaultSegmentation) as {
      ability: { signals: Record<string, unknown>[] };
      willingness: { signals: Record<string, unknown>[] };
    };
    j.ability.signals[0]!.fact = "hardshipScor";
    j.willingness.signals[8]!.operator = "greaterThan";
    j.willingness.signals[0]!.fact = "segment";
    j.willingness.signals[0]!.operator = "equal";
    j.willingness.signals[0]!.value = "hardship";
    const e = thrown(() => loadSegmentation(j));
    expect(e.code).toBe("INVALID_SCORECARD");
    // Checked by the conditions layer, with a policy rule's messages and paths (the operator is wrong here).
    expect(e.issues.map((i) => i.path.join("."))).toEqual([
      "ability.signals.0.fact",
      "willingness.signals.0.fact",
      "willingness.signals.8.operator",
    ]);
    expect(e.issues[0]!.message).toContain('did you mean "hardshipScore"');
    expect(e.issues[2]!.message).toBe('operator "greaterThan" compares numbers but fact "unreachable" is a boolean');
  });

  it("checks values like a policy condition: closed sets, list operators, list sizes", () => {
    const j = clone(defaultSegmentation) as { ability: { signals: Record<string, unknown>[] } };
    j.ability.signals.push(
      { fact: "hardshipKind", operator: "in", value: ["medical", "ilness"], points: 1 },
      { fact: "dpd", operator: "in", value: 3, points: 1 },
      { fact: "dpd", operator: "equal", value: [1, 2], points: 1 },
      { fact: "accountId", operator: "in", value: Array(1001).fill("a"), points: 1 },
    );
    const e = thrown(() => loadSegmentation(j));
    expect(e.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      'ability.signals.2.value.1: "ilness" is not a value of fact "hardshipKind" (medical, unemployment, income_drop, disaster, bereavement, other)',
      'ability.signals.3.value: operator "in" needs a list value',
      'ability.signals.4.value: operator "equal" compares with ===, so a list never matches; use "in"',
      "ability.signals.5.value: a list of at most 1000 values",
    ]);
  });
});

describe("segmentation signals: json-rules-engine semantics through the conditions layer", () => {
  const one = (fact: string, operator: string, value: unknown) =>
    loadSegmentation({
      schemaVersion: 1,
      id: "one",
      version: "1.0.0",
      description: "one signal",
      ability: { threshold: 0, signals: [{ fact, operator, value, points: -1, label: "held" }] },
      willingness: { threshold: 0, signals: [{ fact: "dpd", operator: "equal", value: -1, points: 0 }] },
    });
  const held = (seg: ReturnType<typeof one>, facts: Facts) => explainSegment(seg, facts).ability.signals.length === 1;

  it("a null or missing fact satisfies notEqual and notIn, and fails the others", async () => {
    const { Engine } = await import("json-rules-engine");
    const cases: [string, unknown][] = [
      ["equal", 40],
      ["notEqual", 40],
      ["lessThan", 40],
      ["lessThanInclusive", 40],
      ["greaterThan", 40],
      ["greaterThanInclusive", 40],
      ["in", [40, 50]],
      ["notIn", [40, 50]],
    ];
    for (const [operator, value] of cases) {
      const seg = one("hardshipScore", operator, value);
      for (const facts of [{ hardshipScore: null }, {}, { hardshipScore: 40 }, { hardshipScore: 45 }] as Facts[]) {
        const engine = new Engine([], { allowUndefinedFacts: true });
        engine.addRule({ conditions: { all: [{ fact: "hardshipScore", operator, value }] }, event: { type: "held" } });
        const expected = (await engine.run({ ...facts })).events.length === 1;
        expect(held(seg, facts), `${operator} ${JSON.stringify(value)} on ${JSON.stringify(facts)}`).toBe(expected);
      }
    }
    expect(held(one("hardshipScore", "notEqual", 40), {})).toBe(true);
    expect(explainSegment(one("hardshipScore", "notIn", [40]), {}).ability.signals[0]!.value).toBeNull();
  });

  it("the shipped segmentation decides as before (a null or missing fact never held one of its signals)", () => {
    const seg = loadSegmentation(defaultSegmentation);
    const facts = new Set([...seg.ability.signals, ...seg.willingness.signals].map((s) => s.fact));
    const source = seg.source;
    // The former semantics: skip null and missing facts, then json-rules-engine's comparison.
    const before = (f: Facts): string => {
      const sum = (signals: typeof source.ability.signals) =>
        signals.reduce((acc, s) => {
          const v = f[s.fact];
          if (v === null || v === undefined) return acc;
          const holds = s.operator === "equal" ? v === s.value : typeof v === "number" && v >= (s.value as number);
          return holds ? acc + s.points : acc;
        }, 0);
      expect(new Set([...source.ability.signals, ...source.willingness.signals].map((s) => s.operator))).toEqual(
        new Set(["equal", "greaterThanInclusive"]),
      );
      const able = sum(source.ability.signals) >= source.ability.threshold;
      const willing = sum(source.willingness.signals) >= source.willingness.threshold;
      return able ? (willing ? "self_cure" : "escalate") : willing ? "hardship" : "settlement_review";
    };
    const value = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.integer({ min: -1, max: 100 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.record(Object.fromEntries([...facts].map((f) => [f, value]))), (r) => {
        const f: Facts = {};
        for (const [k, v] of Object.entries(r)) if (v !== undefined) f[k] = v as Facts[string];
        expect(segmentOf(seg, f)).toBe(before(f));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});

describe("applyScores", () => {
  const facts = (): Facts => ({
    dpd: 45,
    worstCycle12m: 2,
    cyclesDelinquent12m: 2,
    utilization: 0.9,
    paymentsCount90d: 1,
    paidAmount90d: 1500,
    promisesBroken90d: 0,
    unreachable: false,
    hardshipReported: true,
    hardshipKind: "medical",
    daysSinceHardshipReported: 10,
    debtServiceRatio: null,
    partialPayments90d: 1,
    paymentRatio90d: 0.4,
    vulnerable: false,
    cleanCyclesBeforeDelinquency: 10,
    firstDelinquency: true,
    promisesKept90d: 1,
    promisesPartiallyKept90d: 0,
    rightPartyContacts30d: 1,
    refusals90d: 0,
    disputes90d: 0,
    bankrupt: false,
  });

  it("fills riskScore, riskProbability, hardshipScore and segment and returns both results", () => {
    const f = facts();
    const out = applyScores(defaultScoring(), f);
    const risk = score(riskBehavioralScorecard, facts());
    expect(out.risk).toEqual(risk);
    expect(f.riskScore).toBe(risk.score);
    expect(f.riskProbability).toBe(risk.probability);
    // 25 + 20 + 10 + 5 partial + 10 shortfall + 5 clean 6–12 + 5 first = 80
    expect(out.hardship.score).toBe(80);
    expect(f.hardshipScore).toBe(80);
    expect(out.segment).toBe("hardship");
    expect(f.segment).toBe("hardship");
  });

  it("is deterministic: same facts → byte-identical JSON", () => {
    const a = facts();
    const b = facts();
    expect(JSON.stringify([applyScores(defaultScoring(), a), a])).toBe(
      JSON.stringify([applyScores(defaultScoring(), b), b]),
    );
  });

  it("rejects a risk card that reads a score fact it cannot know yet", () => {
    const bad = clone(riskBehavioralScorecard) as {
      characteristics: { fact: string; type: string; bins: unknown[] }[];
    };
    bad.characteristics[0]!.fact = "hardshipScore";
    const e = thrown(() => loadScoring({ risk: bad }));
    expect(e.issues[0]!.path).toEqual(["risk", "characteristics", 0, "fact"]);
    const typo = clone(hardshipScorecard) as { characteristics: { fact: string }[] };
    typo.characteristics[0]!.fact = "hardshipReportd";
    const t = thrown(() => loadScoring({ hardship: typo }));
    expect(t.issues[0]!.path).toEqual(["hardship", "characteristics", 0, "fact"]);
  });

  it("rejects something that is not a loaded scoring setup", () => {
    expect(thrown(() => applyScores({} as never, {})).code).toBe("INVALID_INPUT");
  });
});
