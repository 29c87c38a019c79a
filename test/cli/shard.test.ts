// `arrears decide --shard k/n`: n runs that each decide the records whose index is k modulo n,
// whose outputs interleaved line by line (in shard order) are the output of one run, byte for byte
// — error lines of unreadable and invalid records included, with their file line numbers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV, file, run, SAMPLE, SAMPLE_AS_OF } from "./helpers.js";

const asOf = ["--as-of", SAMPLE_AS_OF, "--quiet"];
const some = SAMPLE.filter((_, i) => i % 60 === 0);
// Unreadable and invalid records, and a blank line (not a record: it shifts lines, not indices).
const jsonl = file(
  "shard.jsonl",
  `${some.map((a) => JSON.stringify(a)).join("\n")}\n{oops\n${JSON.stringify({ id: "X", product: "loan" })}\n\n${JSON.stringify(some[1])}\n`,
);
const array = file("shard.json", some);

/** Shard outputs interleaved: line i of shard k is record k + i·n. */
function interleave(outputs: string[][]): string[] {
  const merged: string[] = [];
  const longest = Math.max(...outputs.map((o) => o.length));
  for (let i = 0; i < longest; i++) for (const o of outputs) if (i < o.length) merged.push(o[i]!);
  return merged;
}

async function shards(args: string[], n: number) {
  return Promise.all(Array.from({ length: n }, (_, k) => run([...args, "--shard", `${k}/${n}`])));
}

describe("decide --shard", () => {
  it("JSON Lines: n shards interleaved are one run's output, error lines and codes included", async () => {
    const one = await run(["decide", jsonl, ...asOf]);
    expect(one.code).toBe(3);
    for (const n of [1, 2, 3, 7]) {
      const parts = await shards(["decide", jsonl, ...asOf], n);
      expect(interleave(parts.map((p) => p.lines))).toEqual(one.lines);
      // A shard exits 3 exactly when one of its records could not be decided.
      for (const p of parts) expect(p.code).toBe(p.lines.some((l) => l.includes('"error":{')) ? 3 : 0);
    }
    // The unreadable record keeps its file line number in whichever shard decides it.
    const [, second] = await shards(["decide", jsonl, ...asOf], 2);
    const all = one.lines.filter((l) => l.includes('"error":{'));
    const mine = second!.lines.filter((l) => l.includes('"error":{'));
    expect(mine.length).toBeGreaterThan(0);
    for (const l of mine) expect(all).toContain(l);
  });

  it("CSV and JSON arrays, and with --threads: the same interleaving", async () => {
    for (const path of [CSV, array]) {
      const one = await run(["decide", path, ...asOf]);
      const parts = await shards(["decide", path, ...asOf], 3);
      expect(interleave(parts.map((p) => p.lines))).toEqual(one.lines);
    }
    const one = await run(["decide", jsonl, ...asOf]);
    const parts = await shards(["decide", jsonl, ...asOf, "--threads", "2"], 2);
    expect(interleave(parts.map((p) => p.lines))).toEqual(one.lines);
  });

  it("any record count and shard count: every record in exactly one shard, in order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 5 }), async (count, n) => {
        const path = file(
          `shard-${count}.jsonl`,
          some
            .slice(0, count)
            .map((a) => `${JSON.stringify(a)}\n`)
            .join(""),
        );
        const one = await run(["decide", "us-default", path, ...asOf, "--no-render"]);
        const parts = await shards(["decide", "us-default", path, ...asOf, "--no-render"], n);
        expect(parts.map((p) => p.lines.length).reduce((a, b) => a + b, 0)).toBe(count);
        expect(interleave(parts.map((p) => p.lines))).toEqual(one.lines);
      }),
      { numRuns: 15 },
    );
  });

  it("a bad --shard is a usage error that says what it expects", async () => {
    for (const s of ["2/2", "1", "0/0", "a/b", "1/2/3", "0/1025", " 0/2"]) {
      const r = await run(["decide", jsonl, ...asOf, "--shard", s]);
      expect(r.code, s).toBe(2);
      expect(r.err).toContain(`--shard: expected k/n with 0 <= k < n <= 1024 (e.g. 0/4), got ${JSON.stringify(s)}`);
    }
    // Read as an option by the argument parser: a usage error too.
    expect((await run(["decide", jsonl, ...asOf, "--shard", "-1/2"])).code).toBe(2);
  });
});
