// `decide --threads` reads a JSON Lines file as blocks of bytes that the workers split: every
// record must keep the index, line number and text that the one-thread line reader gives it —
// blank lines (also a BOM or a no-break space alone), CRLF, a last line without a newline,
// multi-byte characters across read buffers, lines longer than the read buffer, shards.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readJsonLinesBlocks, readJsonLinesRaw, type Shard } from "../../src/cli/inputs.js";
import { blockRecords } from "../../src/parallel/chunk.js";
import { file } from "./helpers.js";

type Rec = { index: number; line: number; text: string };

function viaLines(path: string, shard?: Shard): Rec[] {
  const raw = readJsonLinesRaw(path, process.stdin, shard) as Iterable<Rec>;
  return [...raw].map(({ index, line, text }) => ({ index, line, text }));
}

function viaBlocks(path: string, shard?: Shard, records?: number): { recs: Rec[]; blocks: number } {
  const recs: Rec[] = [];
  let blocks = 0;
  for (const block of readJsonLinesBlocks(path, shard, records)) {
    blocks++;
    const { accounts, records: r } = blockRecords(block); // (a view: read before the next block)
    accounts.forEach((text, i) => recs.push({ index: r.index[i]!, line: r.line[i]!, text }));
  }
  return { recs, blocks };
}

const fragments = [
  '{"id":"A-1","n":1}',
  '{"id":"Ä-汉字","note":"é ≥ €"}',
  "{oops",
  "",
  "   ",
  "\t",
  "\r",
  "\uFEFF",
  "\u00A0",
  " x ",
  "😀",
];

describe("JSON Lines as blocks of bytes", () => {
  it("any lines, any block size, any shard: the same records as the line reader", () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 40 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.integer({ min: 1, max: 4 }).chain((m) => fc.record({ k: fc.nat(m - 1), n: fc.constant(m) }))),
        (lines, eol, finalNewline, records, shard) => {
          const path = file(`blocks-${n++ % 4}.jsonl`, lines.join(eol) + (finalNewline && lines.length > 0 ? eol : ""));
          const s = shard ?? undefined;
          expect(viaBlocks(path, s, records).recs).toEqual(viaLines(path, s));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("across 1 MiB reads: multi-byte characters cut by a read, and a line longer than the buffer", () => {
    // ~3 MB of lines with 3- and 4-byte characters, one line of 2.5 MB in the middle.
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(JSON.stringify({ id: `汉${i}😀`, pad: "é".repeat(i % 97) }));
    lines.splice(10_000, 0, JSON.stringify({ id: "LONG", pad: "汉".repeat(850_000) }), "");
    const path = file("blocks-big.jsonl", `${lines.join("\n")}\n`);
    const { recs, blocks } = viaBlocks(path, undefined, 64);
    expect(recs).toEqual(viaLines(path));
    expect(recs).toHaveLength(20_001);
    expect(blocks).toBe(Math.ceil(20_001 / 64));
    expect(recs.find((r) => r.text.startsWith('{"id":"LONG"'))?.line).toBe(10_001);
  });

  it("an empty file has no blocks; a missing file is a usage error", () => {
    expect(viaBlocks(file("blocks-empty.jsonl", "")).blocks).toBe(0);
    expect(() => [...readJsonLinesBlocks("/nonexistent/accounts.jsonl", undefined)]).toThrow(/cannot read accounts/);
  });
});
