// `arrears decide --threads n`: the same bytes, in the same order, as one thread, for JSON Lines
// (with unreadable lines and invalid accounts) and the summary table. (That a process using a pool
// exits when done is checked on the packed package by test/pack-smoke.mjs.)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shippedRuleFile } from "../../src/index.js";
import { file, run, SAMPLE, SAMPLE_AS_OF } from "./helpers.js";

const asOf = ["--as-of", SAMPLE_AS_OF, "--quiet"];
// Every jurisdiction of the sample, and bad records: an invalid account, an unreadable line.
const some = SAMPLE.filter((_, i) => i % 50 === 0);
const jsonl = file(
  "threads.jsonl",
  `${some.map((a) => JSON.stringify(a)).join("\n")}\n{oops\n${JSON.stringify({ id: "X", product: "loan" })}\n\n${JSON.stringify(some[1])}\n`,
);

describe("decide --threads", () => {
  it("JSON Lines and the summary: the same output for 1 and 2 threads, routed or with one policy", async () => {
    const one = await run(["decide", jsonl, ...asOf]);
    const two = await run(["decide", jsonl, ...asOf, "--threads", "2"]);
    expect(one.code).toBe(3);
    expect(two.code).toBe(3);
    expect(two.out).toBe(one.out);
    expect(one.lines).toHaveLength(some.length + 3);
    expect(one.lines.at(-3)).toMatch(/^\{"accountId":null,"index":\d+,"line":\d+,"error":\{"code":"INVALID_INPUT"/);
    expect(one.lines.at(-2)).toMatch(/^\{"accountId":"X","index":\d+,"line":\d+,"error":\{"code":"INVALID_ACCOUNT"/);

    // Standard input: the records path (text to the workers), the same bytes.
    const stdin = readFileSync(jsonl, "utf8");
    expect((await run(["decide", "-", ...asOf, "--threads", "2"], { stdin })).out).toBe(one.out);

    const table1 = await run(["decide", "us-default", jsonl, ...asOf, "--format", "table"]);
    const table2 = await run(["decide", "us-default", jsonl, ...asOf, "--format", "table", "--threads", "2"]);
    expect(table2.out).toBe(table1.out);
    expect(table2.code).toBe(table1.code);
  });

  // (Shards with --threads: test/cli/shard.test.ts; shards of blocks: test/cli/blocks.test.ts.)
  it("a file read as blocks of bytes: CRLF, blank and BOM-only lines, no final newline; a slow writer", async () => {
    // 700 accounts: more blocks of 64 than the pool has slots for its JSON Lines (nine for two
    // threads), so slots are used again while the writer still has blocks from them.
    const lines = SAMPLE.slice(0, 700).map((a) => JSON.stringify(a));
    lines.splice(5, 0, "", "\uFEFF", "{oops");
    lines.splice(20, 0, "  \u00A0 ");
    const crlf = file("threads-crlf.jsonl", lines.join("\r\n")); // and no newline after the last
    const one = await run(["decide", crlf, ...asOf]);
    // A writer done with a block only later, like a stream to a slow disk: the block must not
    // change before it says so. The first block is held for long enough for the workers to
    // decide every later chunk, which a slot given back too early would have received.
    let out = "";
    let changed = 0;
    let writes = 0;
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const stdout = {
      write: (block: string | Uint8Array, callback?: () => void) => {
        const copy = typeof block === "string" ? block : decoder.decode(block);
        setTimeout(
          () => {
            if (typeof block !== "string" && decoder.decode(block) !== copy) changed++;
            out += copy;
            callback?.();
          },
          writes++ === 0 ? 500 : 0,
        );
        return true;
      },
    };
    const two = await run(["decide", crlf, ...asOf, "--threads", "2"], { stdout });
    expect(one.lines).toHaveLength(701);
    expect(two.code).toBe(one.code);
    expect(changed).toBe(0);
    expect(out).toBe(one.out);
    expect(one.out).toContain('"line":8,"error":{"code":"INVALID_INPUT"');
  });

  it("an invalid policy or a missing file: the same error as with one thread, and the workers stop", async () => {
    const p = structuredClone(shippedRuleFile("policies", "us-default")) as any;
    p.rules[0].conditions.all[0].fact = "deceasd";
    const bad = file("threads-invalid.json", p);
    const one = await run(["decide", bad, jsonl, ...asOf]);
    const two = await run(["decide", bad, jsonl, ...asOf, "--threads", "2"]);
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
    expect(one.err).toContain('unknown fact "deceasd"');
    const missing = await run(["decide", "us-default", "/nonexistent/a.jsonl", ...asOf, "--threads", "2"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read accounts/);
  });

  it("a bad --threads is a usage error", async () => {
    for (const n of ["0", "1.5", "x", "999"])
      expect((await run(["decide", jsonl, ...asOf, "--threads", n])).code).toBe(2);
  });
});
