import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ArrearsError,
  applyScores,
  defaultScoring,
  defaultSegmentation,
  explainSegment,
  type Facts,
  hardshipScorecard,
  loadScoring,
  loadSegmentation,
  riskBehavioralScorecard,
  SEGMENTS,
  score,
  segmentOf,
} from "../../src/index.js";
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
    expect(e.issues.map((i) => i.path.join("."))).toEqual([
      "ability.signals.0.fact",
      "willingness.signals.0.fact",
      "willingness.signals.8.value",
    ]);
    expect(e.issues[0]!.message).toContain('did you mean "hardshipScore"');
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
