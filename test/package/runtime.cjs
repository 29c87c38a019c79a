// The packed package as a Node CommonJS app sees it (see runtime.mjs for the protocol).
const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const arrears = require("arrears");
const testing = require("arrears/testing");

const ASOF = "2026-11-23T15:00:00Z";
let failed = 0;
function check(name, fn) {
  try {
    fn();
    console.log(`PASS ${name}`);
  } catch (e) {
    failed++;
    console.log(
      `FAIL ${name} :: ${String(e?.stack ?? e)
        .split("\n")
        .slice(0, 3)
        .join(" | ")}`,
    );
  }
}
const resolved = (specifier) => require.resolve(specifier).split("node_modules/").pop();

check("cjs: require('arrears') loads dist/index.cjs", () => {
  assert.equal(resolved("arrears"), "arrears/dist/index.cjs");
  for (const name of ["parseAccount", "loadPolicy", "decide", "decideMany", "ArrearsError"])
    assert.equal(typeof arrears[name], "function", name);
});

check("cjs: require('arrears/testing') loads dist/testing.cjs", () => {
  assert.equal(resolved("arrears/testing"), "arrears/dist/testing.cjs");
  for (const name of ["account", "runPolicyTests", "runEmbeddedTests"])
    assert.equal(typeof testing[name], "function", name);
});

check("cjs: decide() with the bundled default policy", () => {
  const policy = arrears.loadPolicy(arrears.shippedRuleFile("policies", "us-default"));
  const input = testing.account().asOf(ASOF).overdue(20).build();
  const decision = arrears.decide(policy, arrears.parseAccount(input), { asOf: ASOF });
  assert.equal(decision.accountId, "T1");
  assert.equal(decision.facts.dpd, 20);
  assert.equal(typeof decision.action.type, "string");
});

check("cjs: arrears/testing shares state with arrears (policy, builder, ArrearsError)", () => {
  const policy = arrears.loadPolicy(arrears.shippedRuleFile("policies", "us-default"));
  const cases = [
    { name: "20 days late: a call", given: testing.account().overdue(20), expect: { action: "call_borrower" } },
  ];
  const report = testing.runPolicyTests(policy, cases, { runner: false });
  assert.equal(report.failed, 0, JSON.stringify(report.results));
  assert.throws(() => testing.account().asOf("yesterday"), arrears.ArrearsError);
  assert.throws(
    () => arrears.parseAccount({}),
    (e) => e instanceof arrears.ArrearsError && e.code === "INVALID_ACCOUNT",
  );
});

check('cjs: require.resolve + read + require("arrears/rules/policies/us-default.json")', () => {
  const path = require.resolve("arrears/rules/policies/us-default.json");
  assert.equal(resolved("arrears/rules/policies/us-default.json"), "arrears/rules/policies/us-default.json");
  const read = JSON.parse(readFileSync(path, "utf8"));
  const required = require("arrears/rules/policies/us-default.json");
  assert.deepEqual(read, arrears.shippedRuleFile("policies", "us-default"));
  assert.deepEqual(required, arrears.shippedRuleFile("policies", "us-default"));
  const report = testing.runEmbeddedTests(required, { runner: false });
  assert.ok(report.total > 0 && report.failed === 0, `${report.failed}/${report.total} embedded tests failed`);
});

check("cjs: files outside the exports map are not requirable", () => {
  assert.throws(() => require("arrears/dist/index.cjs"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
});

// Last: asynchronous (a worker thread).
(async () => {
  const name = "cjs: require('arrears/parallel') decides on a worker thread as decideMany does";
  try {
    const parallel = require("arrears/parallel");
    assert.equal(resolved("arrears/parallel"), "arrears/dist/parallel.cjs");
    const accounts = [testing.account().asOf(ASOF).overdue(20).build(), { id: "BAD" }];
    const want = [...arrears.decideMany(arrears.loadPolicy("us-default"), accounts, { asOf: ASOF })].map((d) =>
      JSON.stringify(d),
    );
    const pool = await parallel.createDecisionPool("us-default", { threads: 1 });
    const got = [];
    try {
      for await (const d of pool.decideMany(accounts, { asOf: ASOF })) got.push(JSON.stringify(d));
    } finally {
      await pool.destroy();
    }
    assert.deepEqual(got, want);
    console.log(`PASS ${name}`);
  } catch (e) {
    failed++;
    console.log(
      `FAIL ${name} :: ${String(e?.stack ?? e)
        .split("\n")
        .slice(0, 3)
        .join(" | ")}`,
    );
  }
  process.exitCode = failed ? 1 : 0;
})();
