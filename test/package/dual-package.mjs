// Dual-package hazard: one app loads arrears through `import` (dist/*.js) and through `require`
// (dist/*.cjs), e.g. its own ESM code plus a CommonJS dependency. Node then holds two copies of
// the library, and values made by one copy must still be accepted by the other.
//
// KNOWN FAILURE until src/ changes (issue #14): the brands that mark loaded policies, parsed
// accounts and loaded profiles, scorecards, segmentations, bucket schemes, templates and
// experiments are module-local (a plain Symbol, WeakSets/WeakMaps), and `instanceof ArrearsError`
// compares class identity, so every "hazard:" check below fails today. Without ARREARS_EXPECT_DUAL_PACKAGE_SAFE=1 they are reported as XFAIL (expected)
// or XPASS (fixed: turn the flag on in .ci/run) and never fail the run; with the flag, they are
// ordinary checks. The "setup:", "cross:" and "guard:" checks always count (a fix must not make
// `instanceof ArrearsError` accept any error that merely looks like one).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as esm from "arrears";
import * as esmTesting from "arrears/testing";

const require = createRequire(import.meta.url);
const cjs = require("arrears");
const cjsTesting = require("arrears/testing");

const expectSafe = process.env.ARREARS_EXPECT_DUAL_PACKAGE_SAFE === "1";
const ASOF = "2026-11-23T15:00:00Z";
let failed = 0;
function report(status, name, e) {
  const why = e ? String(e?.message ?? e).split("\n")[0] : "";
  console.log(e ? `${status} ${name} :: ${why.length > 160 ? `${why.slice(0, 160)}…` : why}` : `${status} ${name}`);
}
function check(name, fn) {
  try {
    fn();
    report("PASS", name);
  } catch (e) {
    failed++;
    report("FAIL", name, e);
  }
}
function hazard(name, fn) {
  if (expectSafe) return check(`hazard: ${name}`, fn);
  try {
    fn();
    report("XPASS", `hazard: ${name}`);
  } catch (e) {
    report("XFAIL", `hazard: ${name}`, e);
  }
}
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

check("setup: import and require load two distinct copies", () => {
  assert.notEqual(esm.ArrearsError, cjs.ArrearsError);
  assert.notEqual(esm.loadPolicy, cjs.loadPolicy);
});

const input = esmTesting.account().asOf(ASOF).overdue(20).build();
const esmPolicy = esm.loadPolicy(esm.shippedRuleFile("policies", "us-default"));
const cjsPolicy = cjs.loadPolicy(cjs.shippedRuleFile("policies", "us-default"));

// Works today because the other copy re-validates and recompiles what it does not recognise.
check("cross: require('arrears/testing') runs cases against a policy loaded through import", () => {
  const cases = [{ name: "20 days late: a call", given: input, asOf: ASOF, expect: { action: "call_borrower" } }];
  const r = cjsTesting.runPolicyTests(esmPolicy, cases, { runner: false });
  assert.equal(r.failed, 0, JSON.stringify(r.results));
});

hazard("a policy from import's loadPolicy is accepted by require's decide", () => {
  const d = cjs.decide(esmPolicy, input, { asOf: ASOF });
  assert.deepEqual(d, esm.decide(esmPolicy, input, { asOf: ASOF }));
});
hazard("a policy from require's loadPolicy is accepted by import's decide", () => {
  const d = esm.decide(cjsPolicy, input, { asOf: ASOF });
  assert.deepEqual(d, cjs.decide(cjsPolicy, input, { asOf: ASOF }));
});
hazard("an ArrearsError thrown by the require copy is instanceof import's ArrearsError", () => {
  const e = thrown(() => cjs.parseAccount({}));
  assert.ok(e instanceof cjs.ArrearsError, "not even instanceof its own class");
  assert.ok(e instanceof esm.ArrearsError, "not instanceof the other copy's ArrearsError");
});
hazard("an ArrearsError thrown by the import copy is instanceof require's ArrearsError", () => {
  const e = thrown(() => esm.parseAccount({}));
  assert.ok(e instanceof esm.ArrearsError, "not even instanceof its own class");
  assert.ok(e instanceof cjs.ArrearsError, "not instanceof the other copy's ArrearsError");
});
check("guard: a plain or look-alike Error is not instanceof ArrearsError (either copy)", () => {
  const lookAlike = Object.assign(new Error("x"), { name: "ArrearsError", code: "INVALID_ACCOUNT", issues: [] });
  for (const C of [esm.ArrearsError, cjs.ArrearsError]) {
    assert.ok(!(new Error("x") instanceof C));
    assert.ok(!(lookAlike instanceof C));
  }
});
hazard("an account from import's parseAccount is recognised as parsed by require's safeParseAccount", () => {
  const parsed = esm.parseAccount(input);
  assert.equal(cjs.safeParseAccount(parsed).data, parsed, "re-validated instead of recognised");
});

// Every other "loaded" object is branded the same way: a loader given one made by the other copy
// must accept it as loaded (today it re-validates it as raw JSON and rejects it).
const experiment = {
  id: "q4",
  salt: "2026-q4",
  variants: [
    { name: "a", weight: 80 },
    { name: "b", weight: 20 },
  ],
};
const loaded = [
  ["loadGuardrailProfile", require("arrears/rules/guardrails/us-reg-f.json")],
  ["loadScorecard", require("arrears/rules/scorecards/risk-behavioral.json")],
  ["loadSegmentation", require("arrears/rules/scorecards/segments.json")],
  ["loadBucketScheme", require("arrears/rules/buckets/cn-m.json")],
  ["loadTemplate", require("arrears/rules/templates/sms-reminder.json")],
  ["loadExperiment", experiment],
];
const esmApi = { ...esm };
const cjsApi = { ...cjs };
for (const [loader, json] of loaded) {
  hazard(`require's ${loader} accepts what import's ${loader} returned`, () => {
    const made = esmApi[loader](json);
    assert.equal(cjsApi[loader](made), made);
  });
}
hazard("require's decide takes a guardrail profile loaded through import", () => {
  const guardrails = esm.loadGuardrailProfile(require("arrears/rules/guardrails/us-reg-f.json"));
  const d = cjs.decide(cjsPolicy, input, { asOf: ASOF, guardrails });
  assert.deepEqual(d, cjs.decide(cjsPolicy, input, { asOf: ASOF }));
});

process.exitCode = failed ? 1 : 0;
