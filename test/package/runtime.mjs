// The packed package as a Node ESM app sees it. test/pack-smoke.mjs copies this file into a fresh
// app whose node_modules holds only the unpacked tarball and its declared dependencies, runs it,
// and reads one line per check: "PASS <name>" or "FAIL <name> :: <why>".
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as arrears from "arrears";
// The README's instruction for Node ESM: a JSON module needs the import attribute.
import defaultPolicyJson from "arrears/rules/policies/us-default.json" with { type: "json" };
import * as testing from "arrears/testing";

const ASOF = "2026-11-23T15:00:00Z";
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
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
const resolved = (specifier) =>
  fileURLToPath(import.meta.resolve(specifier))
    .split("node_modules/")
    .pop();

await check("esm: import 'arrears' loads dist/index.js", () => {
  assert.equal(resolved("arrears"), "arrears/dist/index.js");
  for (const name of ["parseAccount", "loadPolicy", "decide", "decideMany", "ArrearsError"])
    assert.equal(typeof { ...arrears }[name], "function", name);
});

await check("esm: import 'arrears/schemas' loads dist/schemas.js", async () => {
  const schemas = await import("arrears/schemas");
  assert.equal(resolved("arrears/schemas"), "arrears/dist/schemas.js");
  assert.equal(schemas.AccountSchema.safeParse({}).success, false);
});

await check("esm: import 'arrears/testing' loads dist/testing.js", () => {
  assert.equal(resolved("arrears/testing"), "arrears/dist/testing.js");
  for (const name of ["account", "runPolicyTests", "runEmbeddedTests"])
    assert.equal(typeof { ...testing }[name], "function", name);
});

await check("esm: decide() with the bundled default policy", () => {
  const policy = arrears.loadPolicy(arrears.shippedRuleFile("policies", "us-default"));
  const input = testing.account().asOf(ASOF).overdue(20).build();
  const decision = arrears.decide(policy, arrears.parseAccount(input), { asOf: ASOF });
  assert.equal(decision.accountId, "T1");
  assert.equal(decision.facts.dpd, 20);
  assert.equal(typeof decision.action.type, "string");
});

await check("esm: arrears/testing shares state with arrears (policy, builder, ArrearsError)", () => {
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

await check('esm: import "arrears/rules/policies/us-default.json" with { type: "json" }', () => {
  assert.deepEqual(defaultPolicyJson, arrears.shippedRuleFile("policies", "us-default"));
  const report = testing.runEmbeddedTests(defaultPolicyJson, { runner: false });
  assert.ok(report.total > 0 && report.failed === 0, `${report.failed}/${report.total} embedded tests failed`);
});

await check("esm: every shipped rule file imports (JSON module) and loads", async () => {
  const pkgDir = dirname(fileURLToPath(import.meta.resolve("arrears/package.json")));
  const loaders = {
    buckets: arrears.loadBucketScheme,
    guardrails: arrears.loadGuardrailProfile,
    policies: arrears.loadPolicy,
    scorecards: (json) => ("ability" in json ? arrears.loadSegmentation(json) : arrears.loadScorecard(json)),
    templates: arrears.loadTemplate,
    reaging: arrears.loadReageRules,
    // JSON Schemas of the rule files, for editors: not rule files themselves.
    schemas: (json) => assert.ok(typeof json.$schema === "string", "a JSON Schema"),
  };
  const files = readdirSync(join(pkgDir, "rules"), { recursive: true }).filter((f) => f.endsWith(".json"));
  assert.ok(files.length >= 15, `only ${files.length} rule files`);
  for (const file of files) {
    const [kind] = file.split("/");
    assert.ok(loaders[kind], `no loader for rules/${file}`);
    const { default: json } = await import(`arrears/rules/${file}`, { with: { type: "json" } });
    loaders[kind](json);
  }
});

await check(
  "esm: arrears/parallel decides on a worker thread (dist/parallel-worker.js) as decideMany does",
  async () => {
    const parallel = await import("arrears/parallel");
    assert.equal(resolved("arrears/parallel"), "arrears/dist/parallel.js");
    const accounts = [testing.account().asOf(ASOF).overdue(20).build(), { id: "BAD" }, null];
    const want = [...arrears.decideMany(arrears.loadPolicy("us-default"), accounts, { asOf: ASOF })].map((d) =>
      JSON.stringify(d),
    );
    const pool = await parallel.createDecisionPool("us-default", { threads: 1 });
    try {
      const got = [];
      for await (const s of pool.decideManyJson(accounts, { asOf: ASOF })) got.push(s);
      assert.deepEqual(got, want);
      // The built worker moves its JSON Lines blocks (a transfer the dev worker under tsx also does).
      const blocks = [];
      for await (const b of pool.decideManyJsonLines(accounts, { asOf: ASOF, chunkSize: 2 })) blocks.push(b);
      assert.equal(blocks.length, 2);
      assert.ok(blocks.every((b) => b instanceof Uint8Array));
      assert.equal(blocks.map((b) => new TextDecoder().decode(b)).join(""), want.map((s) => `${s}\n`).join(""));
      // And lends them from memory it shares with the calling thread.
      let lent = "";
      const written = await pool.writeJsonLines(accounts, { asOf: ASOF, chunkSize: 2 }, (b) => {
        assert.ok(b.buffer instanceof SharedArrayBuffer);
        lent += new TextDecoder().decode(b);
      });
      assert.equal(lent, want.map((s) => `${s}\n`).join(""));
      assert.equal(written.accounts, accounts.length);
    } finally {
      await pool.destroy();
    }
    const items = [];
    for await (const d of parallel.decideManyParallel({ route: ["us-default"] }, accounts, { asOf: ASOF, threads: 1 }))
      items.push(JSON.stringify(d));
    assert.deepEqual(items, want);
  },
);

await check("esm: files outside the exports map are not importable", async () => {
  await assert.rejects(import("arrears/dist/index.js"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
});

process.exitCode = failed ? 1 : 0;
