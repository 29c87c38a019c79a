// `arrears decide`, `explain` and `diff`, in-process (main(argv, io)): every input format, the
// output formats, exit codes, bad accounts and bad usage.
import { describe, expect, it } from "vitest";
import { csvRecords, rowToAccount } from "../../src/cli/csv.js";
import { comparePolicies, decideMany, isDecisionError, loadPolicy, shippedRuleFile } from "../../src/index.js";
import { CSV, file, run, SAMPLE, SAMPLE_AS_OF, widest } from "./helpers.js";

type Json = Record<string, any>;
const policy = loadPolicy(shippedRuleFile("policies", "us-default"));
// 300 valid accounts, the three broken ones, a line that is not JSON and a blank line.
const accounts = [...SAMPLE.slice(0, 300), ...SAMPLE.filter((a) => a.id.startsWith("BAD-"))];
const jsonl = file("accounts.jsonl", `${accounts.map((a) => JSON.stringify(a)).join("\n")}\n\n{oops\n`);
const asOf = ["--as-of", SAMPLE_AS_OF];

describe("arrears decide", () => {
  it("JSON Lines in, one line per account out: the library's decisions, byte for byte; error lines; exit 3", async () => {
    const r = await run(["decide", "us-default", jsonl, ...asOf]);
    expect(r.code).toBe(3);
    expect(r.lines).toHaveLength(accounts.length + 1);
    const expected = [...decideMany(policy, accounts, { asOf: SAMPLE_AS_OF })];
    for (let i = 0; i < 300; i++) expect(r.lines[i]).toBe(JSON.stringify(expected[i]));
    const errors = r.lines.slice(300).map((l) => JSON.parse(l) as Json);
    expect(errors.map((e) => [e.accountId, e.index, e.line, e.error.code])).toEqual([
      ["BAD-TYPO", 300, 301, "INVALID_ACCOUNT"],
      ["BAD-DATE", 301, 302, "INVALID_ACCOUNT"],
      ["BAD-CURRENCY", 302, 303, "INVALID_ACCOUNT"],
      [null, 303, 305, "INVALID_INPUT"],
    ]);
    expect(errors[0]!.error.issues).toEqual([
      { path: ["ballance"], message: expect.stringMatching(/^unknown field/), received: "<object>" },
    ]);
    expect(errors[3]!.error.message).toMatch(/^not JSON: /);
    expect(r.err).toMatch(/^arrears: decided 304 accounts, 4 error\(s\), [\d,]+\/s in [\d.]+ s\n$/);
    // Same input, same output.
    expect((await run(["decide", "us-default", jsonl, ...asOf, "--quiet"])).out).toBe(r.out);
  });

  it("CSV (the layout of example 04), a JSON array and standard input", async () => {
    const csv = await run(["decide", "us-default", CSV, "--as-of", "2026-11-23T15:00:00Z", "--quiet"]);
    expect(csv.code).toBe(3);
    const rows = [...csvRecords((await import("node:fs")).readFileSync(CSV, "utf8"))].map(rowToAccount);
    const expected = [...decideMany(policy, rows, { asOf: "2026-11-23T15:00:00Z" })];
    expect(csv.lines.slice(0, 20)).toEqual(expected.slice(0, 20).map((d) => JSON.stringify(d)));
    expect(JSON.parse(csv.lines[20]!)).toMatchObject({
      accountId: "CN-2011",
      index: 20,
      line: 22,
      error: { code: "INVALID_ACCOUNT" },
    });
    expect(csv.err).toBe("");

    const json = await run(["decide", "us-default", file("two.json", SAMPLE.slice(0, 2)), ...asOf, "--quiet"]);
    expect(json.code).toBe(0);
    expect(json.lines.map((l) => JSON.parse(l).accountId)).toEqual([SAMPLE[0]!.id, SAMPLE[1]!.id]);

    const stdin = await run(["decide", "cn-default", "-", ...asOf, "--quiet"], {
      stdin: `${JSON.stringify(SAMPLE[3])}\r\n${JSON.stringify(SAMPLE[4])}`,
    });
    expect(stdin.code).toBe(0);
    expect(stdin.lines.map((l) => JSON.parse(l).policy.id)).toEqual(["cn-default", "cn-default"]);
  });

  it("--as-of is required; now reads the (injected) clock; a bad instant is a usage error", async () => {
    const missing = await run(["decide", "us-default", jsonl]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(
      "--as-of is required: an ISO instant with offset (2026-11-23T10:00:00+08:00), or now",
    );
    const bad = await run(["decide", "us-default", jsonl, "--as-of", "2026-11-23"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--as-of "2026-11-23": expected an ISO instant with offset');
    const now = await run(["decide", "us-default", file("one.json", [SAMPLE[0]]), "--as-of", "now", "--quiet"], {
      now: () => Date.parse("2026-12-01T09:00:00Z"),
    });
    expect(JSON.parse(now.out).asOf).toBe("2026-12-01T09:00:00.000Z");
  });

  it("--trace all, --no-render", async () => {
    const one = file("one-more.json", [SAMPLE.find((a) => a.jurisdiction.startsWith("US-"))]);
    const all = JSON.parse((await run(["decide", "us-default", one, ...asOf, "--trace", "all", "--quiet"])).out);
    expect(all.trace).toHaveLength(policy.rules.length);
    const plain = JSON.parse((await run(["decide", "us-default", one, ...asOf, "--no-render", "--quiet"])).out);
    expect(plain.action.message).toBeUndefined();
    expect((await run(["decide", "us-default", one, ...asOf, "--trace", "some"])).code).toBe(2);
  });

  it("progress on stderr for long runs (every 2 s of the clock)", async () => {
    let t = 0;
    const big = file(
      "big.jsonl",
      SAMPLE.filter((a) => !a.id.startsWith("BAD-"))
        .slice(0, 2100)
        .map((a) => JSON.stringify(a))
        .join("\n"),
    );
    const r = await run(["decide", "us-default", big, ...asOf], { now: () => (t += 2000) });
    expect(r.code).toBe(0);
    expect(r.err.split("\n").filter((l) => /^arrears: [\d,]+ accounts, 0 error\(s\), [\d,]+\/s$/.test(l))).toEqual([
      "arrears: 1,024 accounts, 0 error(s), 512/s",
      "arrears: 2,048 accounts, 0 error(s), 512/s",
    ]);
  });

  it("waits for the output stream to drain (backpressure)", async () => {
    const written: string[] = [];
    let pending: (() => void) | null = null;
    const stdout = {
      write: (s: string) => {
        written.push(s);
        return written.length % 3 !== 0; // full every third line
      },
      once: (_: "drain", listener: () => void) => {
        pending = listener;
        setTimeout(() => {
          const l = pending;
          pending = null;
          l?.();
        }, 1);
      },
    };
    const r = await run(["decide", "us-default", file("ten.json", SAMPLE.slice(0, 10)), ...asOf, "--quiet"], {
      stdout,
    });
    expect(r.code).toBe(0);
    expect(written.map((l) => JSON.parse(l).accountId)).toEqual(SAMPLE.slice(0, 10).map((a) => a.id));
  });

  it("--format table: a summary that fits 100 columns; accounts of another jurisdiction are not applicable", async () => {
    const valid = accounts.filter((a) => !a.id.startsWith("BAD-"));
    const inUs = valid.filter((a) => a.jurisdiction.startsWith("US-")).length;
    const inCn = valid.filter((a) => a.jurisdiction === "CN").length;
    const cases = [
      ["us-default", "us-default@2.3.0", inUs],
      ["cn-default", "cn-default@2.3.0", inCn],
    ] as const;
    for (const [id, name, decided] of cases) {
      const r = await run(["decide", id, jsonl, ...asOf, "--format", "table", "--quiet"]);
      expect(r.code).toBe(3);
      expect(widest(r.out)).toBeLessThanOrEqual(100);
      expect(r.out.replace(/\n +/g, " ")).toContain(
        `policy ${name}, asOf ${SAMPLE_AS_OF}: 304 accounts, ${decided} decided, ${300 - decided} not applicable, 4 error(s)`,
      );
      expect(r.out).toContain(
        "not applicable (no policy covers the jurisdiction and currency)\n  JURISDICTION_MISMATCH: ",
      );
      expect(r.out).toContain("accounts by action × bucket");
      expect(r.out).toMatch(/\ntotal +[\d,]+ /);
      expect(r.out).toContain("errors: INVALID_ACCOUNT 3, INVALID_INPUT 1");
      expect(r.out).toContain('  line 301 (BAD-TYPO): account "BAD-TYPO": ballance: unknown field');
    }
    expect(inUs).toBeGreaterThan(0);
    expect(inCn).toBeGreaterThan(0);
    // No policy: each account goes to the shipped policy of its jurisdiction; all 300 are decided.
    const routed = await run(["decide", jsonl, ...asOf, "--format", "table", "--quiet"]);
    expect(routed.code).toBe(3);
    expect(widest(routed.out)).toBeLessThanOrEqual(100);
    expect(routed.out.replace(/\n +/g, " ")).toContain(
      "(routed by jurisdiction), asOf 2026-11-23T01:30:00Z: 304 accounts, 300 decided, 0 not applicable, 4 error(s)",
    );
    const byPolicy = routed.out.split("accounts by policy\n")[1]!.split("\n\n")[0]!;
    expect(byPolicy.split("\n").sort()).toEqual(
      [`  cn-default: ${inCn}`, `  gb-default: ${300 - inUs - inCn}`, `  us-default: ${inUs}`].sort(),
    );
  });

  it("bad usage and bad files", async () => {
    expect((await run(["decide", "us-default", "accounts.txt", ...asOf])).err).toContain(
      "cannot tell the format from the extension; give --input-format jsonl, csv or json",
    );
    expect((await run(["decide", "us-default", "/no/accounts.jsonl", ...asOf])).code).toBe(2);
    expect((await run(["decide", "us-default", "/no/accounts.jsonl", ...asOf, "--format", "table"])).code).toBe(2);
    for (const threads of [[], ["--threads", "2"]])
      expect((await run(["decide", "us-default", "-", ...asOf, "--format", "table", ...threads])).err).toContain(
        "standard input (-) is read only by decide with --format jsonl",
      );
    const header = await run(["decide", "us-default", file("bad.csv", "id,product\nA,installment\n"), ...asOf]);
    expect(header.code).toBe(1);
    expect(header.err).toContain("bad.csv: the header lacks currency, timeZone");
    const quote = await run([
      "decide",
      "us-default",
      file("quote.csv", `${(await import("node:fs")).readFileSync(CSV, "utf8")}"open`),
      ...asOf,
      "--quiet",
    ]);
    expect(quote.code).toBe(1);
    expect(quote.err).toContain("quote.csv: line 23: a quoted field is not closed");
  });
});

describe("arrears explain", () => {
  it("a readable trace: facts, every rule, blocked candidates, the decision and its message", async () => {
    const r = await run(["explain", "us-default", jsonl, "--id", "US-100048", ...asOf]);
    expect(r.code).toBe(0);
    expect(widest(r.out)).toBeLessThanOrEqual(100);
    expect(r.lines[0]).toBe(`account US-100048 (US-CA), policy us-default@2.3.0, asOf ${SAMPLE_AS_OF}`);
    expect(r.out).toContain("rules, in evaluation order (✓ fired):\n  · hold-deceased (100): deceased=false\n");
    expect(r.out).toContain("  ✓ call-follow-up (40) → call_borrower: callAttemptsToday=0, dpd=81\n");
    // A conversation two days before: the 7-day quiet period blocks the call, the SMS is chosen.
    expect(r.out).toContain(
      "  ✗ call_borrower (rule call-follow-up) blocked, lawful again 2026-11-27T16:00:00.000Z:\n      QUIET_PERIOD:",
    );
    expect(r.out).toContain("  → send_sms_reminder (rule sms-reminder) chosen\n");
    expect(r.out).toContain(
      "decision: send_sms_reminder via sms by rule sms-reminder, earliest 2026-11-23T01:30:00.000Z",
    );
    expect(r.out).toContain("\nalongside: send_formal_letter via letter\n");
    expect(r.out).toMatch(
      /\nmessage: sms-reminder \(en-US\)\n {2}\| Hi Robert Nguyen, your account \*\*\*\*0048 is 81 days past due/,
    );
  });

  it("without a policy the shipped one of the account's jurisdiction decides; not applicable is said", async () => {
    const gb = SAMPLE.find((a) => a.jurisdiction === "GB-ENG")!;
    const routed = await run(["explain", file("gb.json", gb), ...asOf]);
    expect(routed.code).toBe(0);
    expect(routed.lines[0]).toBe(`account ${gb.id} (GB-ENG), policy gb-default@1.2.0, asOf ${SAMPLE_AS_OF}`);
    const mismatch = await run(["explain", "us-default", file("gb.json", gb), ...asOf]);
    expect(mismatch.code).toBe(0);
    expect(mismatch.lines[0]).toBe(`account ${gb.id} (GB-ENG), policy us-default@2.3.0, asOf ${SAMPLE_AS_OF}`);
    expect(mismatch.out).toContain(
      "not applicable (JURISDICTION_MISMATCH): policy us-default applies in US, not GB-ENG",
    );
  });

  it("--format json: the whole decision with every rule traced; a one-account file needs no --id", async () => {
    const r = await run(["explain", "us-default", file("single.json", SAMPLE[5]), ...asOf, "--format", "json"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.accountId).toBe(SAMPLE[5]!.id);
    expect(d.trace).toHaveLength(policy.rules.length);
  });

  it("exit codes: several accounts and no --id, an unknown id (2); an invalid account (1)", async () => {
    const several = await run(["explain", "us-default", jsonl, ...asOf]);
    expect(several.code).toBe(2);
    expect(several.err).toContain("holds several accounts: say which with --id");
    expect((await run(["explain", "us-default", jsonl, "--id", "NOPE", ...asOf])).err).toContain(
      'no account with id "NOPE"',
    );
    const invalid = await run(["explain", "us-default", jsonl, "--id", "BAD-TYPO", ...asOf]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toBe(
      'arrears explain: account "BAD-TYPO" cannot be decided (INVALID_ACCOUNT)\n  ballance: unknown field; did you mean "balance"?, received object\n',
    );
    expect((await run(["explain", "us-default", jsonl, "--id", "US-100044"])).code).toBe(2);
  });
});

describe("arrears diff", () => {
  const b = structuredClone(shippedRuleFile("policies", "us-default")) as Json;
  b.version = "1.2.0-rc.1";
  // Calls (first and follow-up) from 30 days past due instead of 6.
  for (const name of ["call-first", "call-follow-up"])
    b.rules.find((r: Json) => r.name === name).conditions.all[0].value = 30;
  const bFile = file("b.json", b);

  it("JSON: comparePolicies on the streamed accounts; unreadable lines keep their own message", async () => {
    const r = await run(["diff", "us-default", bFile, jsonl, ...asOf, "--quiet"]);
    expect(r.code).toBe(3);
    const got = JSON.parse(r.out);
    const want = comparePolicies(policy, loadPolicy(b), [...accounts, null], { asOf: SAMPLE_AS_OF });
    want.errors.examples[3]!.message = "line 305: not JSON: " + got.errors.examples[3].message.split("not JSON: ")[1];
    expect(got).toEqual(JSON.parse(JSON.stringify(want)));
    expect(got.changed).toBeGreaterThan(0);
    expect(got.errors.count).toBe(4);
  });

  it("--format table: the transitions, fitting 100 columns; no errors → exit 0", async () => {
    const clean = file(
      "clean.jsonl",
      SAMPLE.slice(0, 300)
        .map((a) => JSON.stringify(a))
        .join("\n"),
    );
    const r = await run(["diff", "us-default", bFile, clean, ...asOf, "--format", "table", "--examples", "2"]);
    expect(r.code).toBe(0);
    expect(widest(r.out)).toBeLessThanOrEqual(100);
    expect(r.lines[0]).toMatch(
      /^A us-default@2\.3\.0 → B us-default@1\.2\.0-rc\.1, asOf .*: 300 accounts decided under/,
    );
    expect(r.out).toMatch(/\ncall_borrower +\d+ +\d+ +-\d+\n/);
    expect(r.out).toMatch(/\ncall_borrower +send_sms_reminder +\d+ +US-\d+, US-\d+\n/);
    expect(r.err).toMatch(/^arrears: compared 300 accounts, [\d,]+\/s in /);
    const same = await run(["diff", "us-default", "us-default", clean, ...asOf, "--quiet"]);
    expect(JSON.parse(same.out).changed).toBe(0);
  });

  it("bad usage", async () => {
    expect((await run(["diff", "us-default", bFile, ...asOf])).code).toBe(2);
    expect((await run(["diff", "us-default", bFile, jsonl, ...asOf, "--examples", "1001"])).err).toContain(
      "--examples: expected an integer from 0 to 1000",
    );
    expect((await run(["diff", "us-default", bFile, jsonl])).code).toBe(2);
  });
});

describe("decisions in the output are the library's", () => {
  it("every decided line has an action; errors are exactly the invalid accounts", async () => {
    const r = await run(["decide", "us-default", jsonl, ...asOf, "--quiet"]);
    const items = r.lines.map((l) => JSON.parse(l));
    expect(items.filter((x) => x.error).length).toBe(4);
    expect(items.filter((x) => !x.error).every((d) => !isDecisionError(d) && typeof d.action.type === "string")).toBe(
      true,
    );
  });
});

describe("the README's CLI examples", () => {
  it("run (those on the files under examples/ and the shipped policies) with the exit codes it states", async () => {
    const readme = (await import("node:fs")).readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const block = readme.split("## CLI\n")[1]!.split("```sh\n")[1]!.split("```")[0]!;
    const commands = block
      .split("\n")
      .filter((l) => l.startsWith("npx arrears ") && !l.includes("my-"))
      .map((l) => l.slice("npx arrears ".length).split(" "));
    expect(commands.map((c) => c[0])).toEqual(["decide", "decide", "explain", "check"]);
    const root = new URL("../../", import.meta.url).pathname;
    const codes: number[] = [];
    for (const argv of commands) {
      const r = await run(
        [...argv.map((a) => (a.startsWith("examples/") ? root + a : a)), "--quiet"].filter(
          (a) => a !== "--quiet" || argv[0] === "decide",
        ),
      );
      codes.push(r.code);
      expect(r.out.length).toBeGreaterThan(0);
    }
    // The sample portfolio and the CSV hold broken accounts on purpose (exit 3).
    expect(codes).toEqual([3, 3, 0, 0]);
  }, 60_000);
});
