// #10 item 8: exported functions throw only ArrearsError. Each case below is a caller's value that
// made a TypeError, RangeError or the caller's own exception escape (or ran a getter twice, so
// what was used was not what was checked) before the hardening.
import { describe, expect, it } from "vitest";
import { internalCause } from "../../src/errors/index.js";
import { closest } from "../../src/errors/suggest.js";
import {
  ArrearsError,
  applyScores,
  buildOffer,
  checkContact,
  checkPolicy,
  compareAmounts,
  comparePolicies,
  decide,
  decideMany,
  decideWithExperiment,
  deriveDelinquency,
  evaluatePolicy,
  explainSegment,
  type Facts,
  formatDate,
  formatMoney,
  isDecisionError,
  loadBucketScheme,
  loadExperiment,
  loadGuardrailProfile,
  loadPolicy,
  loadPolicySet,
  loadReageRules,
  loadScorecard,
  loadScoring,
  loadSegmentation,
  loadTemplate,
  offerToArrangement,
  parseAccount,
  promiseStatus,
  renderMessage,
  rollRates,
  routePolicies,
  safeParseAccount,
  score,
  shippedRuleFile,
  summarizeContacts,
  summarizePortfolio,
} from "../../src/index.js";
import { getTemplate } from "../../src/messages/index.js";
import { account } from "../../src/testing/index.js";
import { thrownArrearsError as thrown } from "../helpers.js";

const asOf = "2026-11-23T10:00:00Z";
const good = () => account().asOf(asOf).timeZone("UTC").id("ok").overdue(10).balance("100.00").build();

/** An object whose every property read throws the caller's own error. */
const exploding = (): object =>
  new Proxy(
    {},
    {
      get() {
        throw new Error("caller's getter");
      },
      getOwnPropertyDescriptor() {
        throw new Error("caller's trap");
      },
      ownKeys() {
        throw new Error("caller's trap");
      },
      has() {
        throw new Error("caller's trap");
      },
    },
  );

/** An object whose `key` answers `first` once, then `later`. */
function twoFaced<T extends object>(base: T, key: string, first: unknown, later: unknown): T {
  let n = 0;
  return Object.defineProperty({ ...base }, key, { enumerable: true, get: () => (n++ === 0 ? first : later) });
}

describe("ArrearsError itself", () => {
  it("is built from anything, never throwing, an unknown code becoming INTERNAL", () => {
    const e = new ArrearsError("NOPE" as never, null as never, 42 as never);
    expect(e.code).toBe("INTERNAL");
    expect(e.issues).toEqual([]);
    const f = new ArrearsError("INVALID_INPUT", [null, { path: [Symbol("s")], message: Symbol("m") }] as never);
    expect(f.issues[1]!.path).toEqual(["Symbol(s)"]);
    expect(f.message).toContain("Symbol(m)");
  });
});

describe("accounts and options that cannot be read are ArrearsErrors", () => {
  it("promiseStatus, summarizeContacts and deriveDelinquency: INVALID_ACCOUNT / INVALID_OPTIONS", () => {
    for (const fn of [promiseStatus, summarizeContacts, deriveDelinquency] as const) {
      const e = thrown(() => fn(exploding(), { asOf }));
      expect(e.code).toBe("INVALID_ACCOUNT");
      expect(e.message).not.toContain("caller's");
      expect((internalCause(e) as Error).message).toMatch(/caller's/);
    }
    expect(thrown(() => deriveDelinquency(good(), exploding() as never)).code).toBe("INVALID_OPTIONS");
    expect(thrown(() => promiseStatus(good(), exploding() as never)).code).toBe("INVALID_OPTIONS");
  });

  it("deriveDelinquency uses the options it checked (a getter is read once)", () => {
    const o = twoFaced({ asOf }, "graceDays", 0, 1_000);
    expect(deriveDelinquency(good(), o as never).inGrace).toBe(false);
  });
});

describe("rule files that cannot be read, or too large, are ArrearsErrors", () => {
  it("bucket schemes, scorecards, segmentations and experiments", () => {
    expect(thrown(() => loadBucketScheme(exploding())).code).toBe("INVALID_BUCKET_SCHEME");
    expect(thrown(() => loadScorecard(exploding())).code).toBe("INVALID_SCORECARD");
    expect(thrown(() => loadSegmentation(exploding())).code).toBe("INVALID_SCORECARD");
    expect(thrown(() => loadExperiment(exploding())).code).toBe("INVALID_EXPERIMENT");
    expect(thrown(() => loadScoring(null as never)).code).toBe("INVALID_SCORECARD");
    expect(thrown(() => loadScoring(exploding() as never)).code).toBe("INVALID_SCORECARD");
  });

  it("a scheme's ranges and an experiment's variants and names are bounded", () => {
    const ranges = Array.from({ length: 101 }, (_, i) => ({ label: `B${i}`, minDays: i, maxDays: i }));
    ranges[100]!.maxDays = null as never;
    const e = thrown(() =>
      loadBucketScheme({
        ...(shippedRuleFile("buckets", "cn-m") as object),
        id: "big",
        ranges: ranges as never,
        tests: [],
      } as never),
    );
    expect(e.code).toBe("INVALID_BUCKET_SCHEME");
    expect(e.issues[0]!.path).toEqual(["ranges"]);
    const variants = Array.from({ length: 101 }, (_, i) => ({ name: `v${i}`, weight: 1 }));
    expect(thrown(() => loadExperiment({ id: "e", salt: "s", variants })).code).toBe("INVALID_EXPERIMENT");
    const long = { id: "x".repeat(201), salt: "s", variants: [{ name: "a", weight: 1 }] };
    expect(thrown(() => loadExperiment(long)).code).toBe("INVALID_EXPERIMENT");
  });
});

describe("scoring with hostile facts", () => {
  const scoring = loadScoring();
  it("applyScores refuses frozen facts, score and segments refuse facts that throw", () => {
    expect(thrown(() => applyScores(scoring, Object.freeze({}) as Facts)).code).toBe("INVALID_INPUT");
    expect(thrown(() => applyScores(exploding() as never, {} as Facts)).code).toBe("INVALID_INPUT");
    expect(thrown(() => score(scoring.risk, exploding() as Facts)).code).toBe("INVALID_INPUT");
    expect(thrown(() => explainSegment(scoring.segmentation, null as never)).code).toBe("INVALID_INPUT");
  });
});

describe("portfolio functions with hostile batches", () => {
  const policy = loadPolicy(shippedRuleFile("policies", "cn-default"));

  it("decideMany: an account that cannot be read is an error entry, the batch goes on", () => {
    const out = [...decideMany(policy, [exploding(), good()], { asOf })];
    expect(out).toHaveLength(2);
    expect(isDecisionError(out[0]!) && out[0].error.code).toBe("INVALID_ACCOUNT");
    expect(isDecisionError(out[1]!)).toBe(false);
    expect(isDecisionError(exploding() as never)).toBe(false);
  });

  it("comparePolicies: not iterable is INVALID_INPUT, an unreadable account an error entry", () => {
    expect(thrown(() => comparePolicies(policy, policy, 42 as never, { asOf })).code).toBe("INVALID_INPUT");
    const r = comparePolicies(policy, policy, [exploding(), good()], { asOf });
    expect(r.errors.count).toBe(1);
    expect(r.errors.examples[0]!.index).toBe(0);
  });

  it("summarizePortfolio: not iterable, or an item that is neither decision nor error, is INVALID_INPUT", () => {
    expect(thrown(() => summarizePortfolio(42 as never)).code).toBe("INVALID_INPUT");
    const e = thrown(() => summarizePortfolio([{ action: { type: "x" } }] as never));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]!.path).toEqual(["decisions", 0, "amounts", "currency"]);
    expect(thrown(() => summarizePortfolio([exploding()] as never)).code).toBe("INVALID_INPUT");
  });

  it("rollRates: a snapshot that cannot be read is INVALID_INPUT, an account an error row", () => {
    expect(thrown(() => rollRates(exploding() as never, { asOf, accounts: [] })).code).toBe("INVALID_INPUT");
    const r = rollRates({ asOf, accounts: [exploding() as never] }, { asOf, accounts: [] });
    expect(r.errors).toHaveLength(1);
  });

  it("policy sets: an unreadable set or options are ArrearsErrors", () => {
    const experiment = { id: "e", salt: "s", variants: [{ name: "a", weight: 1 }] };
    expect(thrown(() => loadPolicySet(exploding() as never)).code).toBe("INVALID_EXPERIMENT");
    expect(thrown(() => decideWithExperiment(null as never, good(), { asOf })).code).toBe("INVALID_EXPERIMENT");
    const set = { experiment, policies: { a: policy } };
    expect(thrown(() => decideWithExperiment(set, good(), exploding() as never)).code).toBe("INVALID_OPTIONS");
    // A policy reached through a getter is not a policy (it is never run).
    const sneaky = { experiment, policies: Object.defineProperty({}, "a", { get: () => policy }) };
    expect(thrown(() => loadPolicySet(sneaky)).code).toBe("INVALID_EXPERIMENT");
  });
});

const revoked = (): object => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
};

describe("core entry points with unreadable input (found by the fuzz)", () => {
  const policy = loadPolicy(shippedRuleFile("policies", "cn-default"));

  it("accounts: a revoked proxy or a throwing getter anywhere is INVALID_ACCOUNT, never a TypeError", () => {
    const json = JSON.parse(JSON.stringify(good())) as Record<string, unknown>;
    for (const bad of [exploding(), revoked(), { ...json, borrower: revoked() }, { ...json, dues: [exploding()] }]) {
      const r = safeParseAccount(bad);
      expect(r.success).toBe(false);
      expect(r.success ? null : r.error.code).toBe("INVALID_ACCOUNT");
      expect(thrown(() => parseAccount(bad)).code).toBe("INVALID_ACCOUNT");
      expect(thrown(() => decide(policy, bad as never, { asOf })).code).toBe("INVALID_ACCOUNT");
    }
  });

  it("rule files: policies, templates and guardrail profiles that cannot be read", () => {
    expect(thrown(() => loadPolicy(exploding())).code).toBe("INVALID_POLICY");
    expect(thrown(() => loadPolicy(shippedRuleFile("policies", "cn-default"), exploding() as never)).code).toBe(
      "INVALID_OPTIONS",
    );
    expect(thrown(() => loadTemplate(exploding())).code).toBe("INVALID_TEMPLATE");
    expect(thrown(() => loadGuardrailProfile(exploding())).code).toBe("INVALID_GUARDRAIL_PROFILE");
  });

  it("a guardrail profile's test account that cannot be copied is named in the error", () => {
    const json = structuredClone(shippedRuleFile("guardrails", "us-reg-f")) as { tests: { account?: unknown }[] };
    json.tests[0]!.account = { id: "x", f: () => 1 };
    const e = thrown(() => loadGuardrailProfile(json));
    expect(e.code).toBe("INVALID_GUARDRAIL_PROFILE");
    expect(e.issues[0]!.path).toEqual(["tests", 0, "account"]);
  });

  it("routePolicies reads its list once; money and offers refuse proxies", () => {
    const list = [policy];
    Object.defineProperty(list, 0, {
      get() {
        throw new Error("caller's getter");
      },
    });
    expect(thrown(() => routePolicies(list)).code).toBe("INVALID_POLICY");
    expect(thrown(() => compareAmounts(exploding() as never, "1.00")).code).toBe("INVALID_INPUT");
    expect(thrown(() => buildOffer(exploding() as never, good(), { asOf })).code).toBe("INVALID_OFFER");
  });

  it("did-you-mean skips candidates that are not names", () => {
    expect(closest("dpdd", [42 as never, "dpd"])).toBe("dpd");
  });
});

describe("#10 item 8 on main: exported helpers with malformed arguments", () => {
  it("formatMoney refuses a malformed locale as INVALID_INPUT, not Intl's RangeError", () => {
    for (const locale of ["xx-€€€", "", 42, exploding()]) {
      const e = thrown(() => formatMoney("1.00", "USD", locale as never));
      expect(e.code).toBe("INVALID_INPUT");
      expect(e.issues[0]!.path).toEqual(["locale"]);
    }
    expect(thrown(() => formatMoney("1.00", exploding() as never, "en-US")).code).toBe("INVALID_INPUT");
  });

  it("shippedRuleFile with a kind or id that cannot be printed", () => {
    expect(thrown(() => shippedRuleFile(exploding() as never, "x")).code).toBe("INVALID_INPUT");
    expect(thrown(() => shippedRuleFile("policies", exploding() as never)).code).toBe("INVALID_INPUT");
  });
});

describe("evaluatePolicy with facts or a policy that cannot be read (found by the fuzz)", () => {
  const policy = loadPolicy(shippedRuleFile("policies", "cn-default"));
  it("is INVALID_INPUT or INVALID_POLICY, never a TypeError", () => {
    expect(thrown(() => evaluatePolicy(policy, revoked() as Facts)).code).toBe("INVALID_INPUT");
    expect(thrown(() => evaluatePolicy(policy, exploding() as Facts)).code).toBe("INVALID_INPUT");
    expect(thrown(() => evaluatePolicy(revoked() as never, {} as Facts)).code).toBe("INVALID_POLICY");
  });
});

// The long fuzz run (seed 20261129, 50,000 calls of every root function with mutated
// arguments) found these; each escaped as a TypeError or the caller's own exception before.
describe("root functions with hostile arguments (fuzz target api, seed 20261129)", () => {
  const policy = loadPolicy("us-default");
  it("decide: options with a throwing getter or trap are INVALID_OPTIONS (api:3443, api:13699)", () => {
    const withGetter = Object.defineProperty({ asOf }, "lender", {
      enumerable: true,
      get() {
        throw new Error("caller's getter");
      },
    });
    expect(thrown(() => decide(policy, good(), withGetter as never)).code).toBe("INVALID_OPTIONS");
    expect(thrown(() => decide(policy, good(), exploding() as never)).code).toBe("INVALID_OPTIONS");
    // decide reads the options it checked, once: a two-faced asOf cannot change the decision.
    const d = decide(policy, good(), twoFaced({ render: false }, "asOf", asOf, "not a date") as never);
    expect(d.asOf).toBe(asOf);
  });

  it("checkPolicy: options that are null or cannot be read are INVALID_OPTIONS (api:3460, api:11778)", () => {
    expect(thrown(() => checkPolicy(policy, null as never)).code).toBe("INVALID_OPTIONS");
    expect(thrown(() => checkPolicy(policy, exploding() as never)).code).toBe("INVALID_OPTIONS");
    expect(thrown(() => checkPolicy(policy, { templates: null } as never)).issues[0]!.path).toEqual(["templates"]);
  });

  it("checkContact: a profile list with a throwing getter is INVALID_GUARDRAIL_PROFILE (api:15783)", () => {
    const list = [shippedRuleFile("guardrails", "us-reg-f")];
    Object.defineProperty(list, 1, {
      enumerable: true,
      get() {
        throw new Error("caller's getter");
      },
    });
    const e = thrown(() => checkContact(list, good(), { channel: "call", at: "2026-11-23T15:00:00Z" }));
    expect(e.code).toBe("INVALID_GUARDRAIL_PROFILE");
  });

  it("applyScores: a getter-only fact is INVALID_INPUT naming it (api:22170)", () => {
    const facts = { ...decide(policy, good(), { asOf, render: false }).facts };
    Object.defineProperty(facts, "segment", { enumerable: true, get: () => null });
    const e = thrown(() => applyScores(loadScoring(), facts as Facts));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]!.path).toEqual(["facts", "segment"]);
  });

  it("buildOffer: options that are a revoked proxy are INVALID_OFFER (api:20190)", () => {
    const e = thrown(() => buildOffer({ kind: "installments", counts: [3] }, good(), revoked() as never));
    expect(e.code).toBe("INVALID_OFFER");
  });

  it("offerToArrangement: a malformed or unreadable offer is INVALID_OFFER with its path (api:1405, api:23820)", () => {
    const offer = buildOffer({ kind: "installments", counts: [3] }, good(), { asOf });
    const agreement = { id: "A1", agreedOn: "2026-11-23" };
    expect(offerToArrangement(offer, agreement).schedule).toHaveLength(offer.schedule.length);
    const noSchedule = thrown(() => offerToArrangement({ ...offer, schedule: "x" } as never, agreement));
    expect(noSchedule.code).toBe("INVALID_OFFER");
    expect(noSchedule.issues[0]!.path).toEqual(["schedule"]);
    expect(thrown(() => offerToArrangement(exploding() as never, agreement)).code).toBe("INVALID_OFFER");
    expect(thrown(() => offerToArrangement(offer, null as never)).code).toBe("INVALID_OFFER");
  });

  it("renderMessage: a decision with a throwing getter or a revoked part is INVALID_INPUT (api:6613, api:3753)", () => {
    const d = decide(policy, good(), { asOf, render: false });
    const amounts = Object.defineProperty({ ...d.amounts }, "overdue", {
      enumerable: true,
      get() {
        throw new Error("caller's getter");
      },
    });
    const t = getTemplate("formal-letter");
    expect(thrown(() => renderMessage(t, { ...d, amounts } as never)).code).toBe("INVALID_INPUT");
    expect(thrown(() => renderMessage(t, { ...d, amounts: revoked() } as never)).code).toBe("INVALID_INPUT");
    expect(thrown(() => renderMessage(t, d, { lender: exploding() } as never)).code).toMatch(/INVALID_/);
  });
});

describe("root functions with hostile arguments, second pass (fuzz target api, seed 20261129)", () => {
  it("loadReageRules: a throwing getter or a typed array in the file is INVALID_INPUT (api:10507, api:37382)", () => {
    const json = JSON.parse(JSON.stringify(shippedRuleFile("reaging", "cn-policy")));
    const withGetter = Object.defineProperty({ ...json }, "minDpd", {
      enumerable: true,
      get() {
        throw new Error("caller's getter");
      },
    });
    expect(thrown(() => loadReageRules(withGetter)).code).toBe("INVALID_INPUT");
    const withTypedArray = JSON.parse(JSON.stringify(json));
    withTypedArray.tests = [{ ...(withTypedArray.tests?.[0] ?? {}), s: new Uint8Array([1, 2]) }];
    expect(thrown(() => loadReageRules(withTypedArray)).code).toBe("INVALID_INPUT");
  });

  it("formatDate: a locale named like an Object.prototype key is a locale like any other (api:27460)", () => {
    for (const locale of ["constructor", "toString", "__proto__"])
      expect(() => formatDate("2026-11-23", locale)).not.toThrow(TypeError);
  });

  it("comparePolicies: an account list with a throwing getter is INVALID_INPUT (api:44247)", () => {
    const a = loadPolicy("us-default");
    const list = [good()];
    Object.defineProperty(list, 1, {
      enumerable: true,
      get() {
        throw new Error("caller's getter");
      },
    });
    expect(thrown(() => comparePolicies(a, a, list, { asOf })).code).toBe("INVALID_INPUT");
  });
});
