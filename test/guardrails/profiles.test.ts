import { describe, expect, it } from "vitest";
import usRegF from "../../rules/guardrails/us-reg-f.json";
import {
  getGuardrailProfile,
  guardrailProfiles,
  isGuardrailProfile,
  optOutTextFor,
  runGuardrailProfileTests,
} from "../../src/guardrails/index.js";
import { ArrearsError, loadGuardrailProfile } from "../../src/index.js";

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function loadError(json: unknown): ArrearsError {
  try {
    loadGuardrailProfile(json);
  } catch (e) {
    expect(e).toBeInstanceOf(ArrearsError);
    expect((e as ArrearsError).code).toBe("INVALID_GUARDRAIL_PROFILE");
    return e as ArrearsError;
  }
  throw new Error("expected loadGuardrailProfile to throw");
}

const paths = (e: ArrearsError): string[] => e.issues.map((i) => JSON.stringify(i.path));

describe("shipped guardrail profiles", () => {
  for (const [id, json] of Object.entries(guardrailProfiles)) {
    describe(id, () => {
      const profile = loadGuardrailProfile(json);

      it("loads with its id, a version and a source on every rule", () => {
        expect(profile.id).toBe(id);
        expect(profile.version).toMatch(/^\d+\.\d+\.\d+$/);
        const j = profile.json;
        for (const r of [...j.windows, ...j.caps, ...j.quietPeriods, ...j.holds, ...j.notices])
          expect(r.source.length, r.id).toBeGreaterThan(5);
        expect(j.tests.length).toBeGreaterThanOrEqual(8);
      });

      for (const result of runGuardrailProfileTests(json)) {
        it(`embedded test: ${result.name}`, () => {
          expect(result.failures).toEqual([]);
          expect(result.passed).toBe(true);
        });
      }
    });
  }

  it("getGuardrailProfile compiles once and rejects unknown ids", () => {
    const a = getGuardrailProfile("cn-2026");
    expect(getGuardrailProfile("cn-2026")).toBe(a);
    expect(isGuardrailProfile(a)).toBe(true);
    expect(loadGuardrailProfile(a)).toBe(a);
    expect(() => getGuardrailProfile("nope" as never)).toThrow(ArrearsError);
  });

  it("every hold flag is covered where the law is clear", () => {
    const flags = (id: keyof typeof guardrailProfiles) =>
      loadGuardrailProfile(guardrailProfiles[id]).json.holds.map((h) => h.flag);
    for (const id of ["us-reg-f", "cn-2026", "uk-conc"] as const)
      expect(flags(id)).toEqual(
        expect.arrayContaining(["deceased", "bankrupt", "disputed", "ceaseContact", "legalHold"]),
      );
    expect(flags("uk-conc")).toEqual(expect.arrayContaining(["breathingSpace", "vulnerable"]));
  });
});

describe("loadGuardrailProfile validation", () => {
  it("names the path of a bad period, code and window", () => {
    const bad = clone(usRegF) as Record<string, any>;
    bad.caps[0].period = { localDays: 0 };
    bad.windows[0].code = "outside";
    bad.windows[0].start = "25:00";
    const e = loadError(bad);
    expect(paths(e)).toEqual(
      expect.arrayContaining([
        JSON.stringify(["caps", 0, "period", "localDays"]),
        JSON.stringify(["windows", 0, "code"]),
        JSON.stringify(["windows", 0, "start"]),
      ]),
    );
    expect(e.message).toContain("us-reg-f");
    expect(paths(e)).not.toContain(JSON.stringify(["windows", 0, "end"]));
  });

  it("rejects a window that crosses midnight, pointing at end", () => {
    const bad = clone(usRegF) as Record<string, any>;
    bad.windows[0].start = "22:00";
    bad.windows[0].end = "08:00";
    const e = loadError(bad);
    expect(paths(e)).toContain(JSON.stringify(["windows", 0, "end"]));
  });

  it("rejects unknown fields, channels and outcomes with their paths", () => {
    const bad = clone(usRegF) as Record<string, any>;
    bad.caps[0].maximum = 7;
    bad.caps[0].count.outcomes.push("hung_up");
    bad.holds[0].channels = ["pigeon"];
    const e = loadError(bad);
    expect(paths(e)).toEqual(
      expect.arrayContaining([
        JSON.stringify(["caps", 0, "maximum"]),
        JSON.stringify(["caps", 0, "count", "outcomes", bad.caps[0].count.outcomes.length - 1]),
        JSON.stringify(["holds", 0, "channels", 0]),
      ]),
    );
    const unknown = e.issues.find((i) => i.path.join(".") === "caps.0.maximum");
    expect(unknown?.received).toBe(7);
  });

  it("requires a source on every rule", () => {
    const bad = clone(usRegF) as Record<string, any>;
    delete bad.quietPeriods[0].source;
    const e = loadError(bad);
    expect(e.issues).toEqual([{ path: ["quietPeriods", 0, "source"], message: "required" }]);
  });

  it("reports duplicate rule ids and a missing unreachable definition (cross-checks)", () => {
    const bad = clone(usRegF) as Record<string, any>;
    bad.holds[1].id = bad.holds[0].id;
    bad.thirdParty.requireUnreachable = true;
    const e = loadError(bad);
    expect(paths(e)).toEqual([JSON.stringify(["holds", 1, "id"]), JSON.stringify(["thirdParty", "unreachable"])]);
    expect(e.issues[0]!.message).toContain("holds[0]");
  });

  it("rejects non-objects and the wrong schemaVersion", () => {
    expect(loadError(null).issues[0]!.path).toEqual([]);
    expect(loadError("us-reg-f").issues.length).toBeGreaterThan(0);
    const bad = clone(usRegF) as Record<string, any>;
    bad.schemaVersion = 2;
    expect(paths(loadError(bad))).toContain(JSON.stringify(["schemaVersion"]));
  });

  it("does not freeze or alias the caller's JSON", () => {
    const mine = clone(usRegF);
    const p = loadGuardrailProfile(mine);
    expect(Object.isFrozen(mine)).toBe(false);
    expect(Object.isFrozen(p.json.caps[0])).toBe(true);
    (mine as Record<string, any>).caps[0].max = 1;
    expect(p.json.caps[0]!.max).toBe(7);
  });
});

describe("runGuardrailProfileTests", () => {
  it("reports what differs when an embedded expectation is wrong, and a bad account as a failure", () => {
    const j = clone(usRegF) as Record<string, any>;
    const t = clone(j.tests[0]);
    j.tests = [
      {
        ...t,
        name: "wrong",
        expect: { allowed: true, reasons: ["OUTSIDE_WINDOW"], earliestAt: "2026-11-24T08:00:00-05:00" },
      },
      {
        ...t,
        name: "right but written with an offset",
        expect: { ...t.expect, earliestAt: "2026-11-24T08:00:00-05:00" },
      },
      { ...t, name: "broken account", account: { id: "x" } },
    ];
    const [wrong, right, broken] = runGuardrailProfileTests(j);
    expect(wrong!.passed).toBe(false);
    expect(wrong!.failures).toEqual([
      "allowed: expected true, got false",
      'reasons: expected ["OUTSIDE_WINDOW"], got ["CAP_7D"]',
    ]);
    expect(right!.passed).toBe(true);
    expect(broken!.passed).toBe(false);
    expect(broken!.failures[0]).toContain("INVALID_ACCOUNT");
  });
});

describe("optOutTextFor", () => {
  it("returns the opt-out sentence for channels that need one, by locale", () => {
    expect(optOutTextFor(guardrailProfiles["us-reg-f"], "sms", "en-US")).toBe("Reply STOP to stop these messages.");
    expect(optOutTextFor(guardrailProfiles["us-reg-f"], "email", "es-US")).toContain("STOP");
    expect(optOutTextFor(guardrailProfiles["us-reg-f"], "call", "en-US")).toBeNull();
    expect(optOutTextFor(guardrailProfiles["cn-2026"], "sms", "zh-CN")).toBe("回复TD退订");
    // language fallback, then the first text given
    expect(optOutTextFor(guardrailProfiles["uk-conc"], "email", "en-US")).toBe("Reply STOP to stop these messages.");
    expect(optOutTextFor(guardrailProfiles["cn-2026"], "sms", "fr-FR")).toBe("回复TD退订");
  });
});
