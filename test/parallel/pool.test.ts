// arrears/parallel: batches over worker threads give decideMany's items, byte for byte, in input
// order, for arrays and streams, with a bounded read-ahead, and shut down cleanly. The workers
// run the TypeScript sources through tsx here (src/parallel/dev-worker.mjs); the package's built
// worker is checked by test/pack-smoke.mjs.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAccounts } from "../../bench/accounts.js";
import { loadGuardrailProfile } from "../../src/guardrails/index.js";
import { ArrearsError, decideMany, loadPolicy, shippedRuleFile } from "../../src/index.js";
import { runChunk } from "../../src/parallel/chunk.js";
import {
  createDecisionPool,
  type DecisionPool,
  decideManyParallel,
  loadPolicySource,
  type PolicySource,
} from "../../src/parallel/index.js";

const asOf = "2026-11-23T01:30:00Z";
const SOURCE: PolicySource = { route: ["cn-default", "us-default", "gb-default"] };

// Generated accounts (CN, US, GB) with bad ones among them: error entries at their positions.
const accounts: unknown[] = generateAccounts(150, 11);
accounts.splice(3, 0, null);
accounts.splice(50, 0, { id: "BAD-1", product: "loan" });
accounts.splice(51, 0, 42);
accounts.splice(100, 0, { ...(accounts[100] as object), currency: "XXX1" });
accounts.push({ id: "BAD-LAST" });

const expected = [...decideMany(loadPolicySource(SOURCE), accounts, { asOf })].map((d) => JSON.stringify(d));

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  return "";
}

async function* slowly<T>(items: readonly T[], pulled: { n: number; closed: boolean }): AsyncGenerator<T> {
  try {
    for (const x of items) {
      pulled.n++;
      await Promise.resolve();
      yield x;
    }
  } finally {
    pulled.closed = true;
  }
}

// One pool at a time: each starts its workers at once, and the machine may have two cores. (The
// ordering across several workers is checked with the two-thread pool below.)
describe("decideManyParallel", () => {
  it("the same JSON as decideMany, in input order (small chunks); its pool is destroyed", async () => {
    const got: string[] = [];
    for await (const d of decideManyParallel(SOURCE, accounts, { asOf, threads: 1, chunkSize: 16, maxInFlight: 3 }))
      got.push(JSON.stringify(d));
    expect(got).toEqual(expected);
  });
});

describe("createDecisionPool", () => {
  let pool: DecisionPool;
  beforeAll(async () => {
    pool = await createDecisionPool(SOURCE, { threads: 2 });
  });
  afterAll(() => pool.destroy());

  it("the reference batch has decisions and error entries", () => {
    const errors = expected.filter((s) => s.includes('"error":{"code"'));
    expect(errors.length).toBeGreaterThanOrEqual(5);
    expect(expected).toHaveLength(accounts.length);
  });

  it("a pool: objects and JSON text from an async stream, the same as decideMany", async () => {
    const pulled = { n: 0, closed: false };
    const got: string[] = [];
    for await (const d of pool.decideMany(slowly(accounts, pulled), { asOf, chunkSize: 32 }))
      got.push(JSON.stringify(d));
    expect(got).toEqual(expected);
    const text: string[] = [];
    for await (const s of pool.decideManyJson(accounts, { asOf })) text.push(s);
    expect(text).toEqual(expected);
  });

  it("decideManyJsonLines: UTF-8 blocks of whole lines, together decideMany's JSON Lines byte for byte", async () => {
    const blocks: Uint8Array[] = [];
    for await (const b of pool.decideManyJsonLines(accounts, { asOf, chunkSize: 16 })) blocks.push(b);
    expect(blocks).toHaveLength(Math.ceil(accounts.length / 16));
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (const b of blocks) {
      expect(b).toBeInstanceOf(Uint8Array);
      expect(b.at(-1)).toBe(10); // whole lines: a block can be written on its own
    }
    expect(blocks.map((b) => decoder.decode(b)).join("")).toBe(expected.map((s) => `${s}\n`).join(""));
    // The rendered Chinese letters are multi-byte: the blocks are bytes, not UTF-16 units.
    const total = blocks.reduce((n, b) => n + b.length, 0);
    expect(total).toBe(Buffer.byteLength(expected.map((s) => `${s}\n`).join("")));
    expect(total).toBeGreaterThan(expected.reduce((n, s) => n + s.length + 1, 0));
    expect(() => pool.decideManyJsonLines(accounts, { asOf, chunkSize: 0 })).toThrow(ArrearsError);
  });

  it('input: "json": JSON texts parsed by the workers; a text that is not JSON is an error entry', async () => {
    const texts = accounts.map((a) => JSON.stringify(a));
    texts.splice(7, 0, "{oops");
    const want = [...expected];
    want.splice(
      7,
      0,
      JSON.stringify({
        accountId: null,
        index: 7,
        error: { code: "INVALID_INPUT", message: `not JSON: ${jsonError("{oops")}`, issues: [] },
      }),
    );
    const got: string[] = [];
    for await (const s of pool.decideManyJson(texts, { asOf, input: "json", chunkSize: 32 })) got.push(s);
    // After the inserted text, every index moves by one.
    expect(got).toEqual(want.map((s, i) => (i > 7 ? s.replace(`"index":${i - 1},`, `"index":${i},`) : s)));
  });

  it("reads ahead at most maxInFlight chunks; stopping early closes the input and keeps the pool", async () => {
    const pulled = { n: 0, closed: false };
    const got: string[] = [];
    for await (const d of pool.decideMany(slowly(accounts, pulled), { asOf, chunkSize: 10, maxInFlight: 2 })) {
      got.push(JSON.stringify(d));
      // Taken k items: the chunks in flight plus the one being yielded, no more.
      expect(pulled.n).toBeLessThanOrEqual(Math.ceil(got.length / 10) * 10 + 2 * 10);
      if (got.length === 25) break;
    }
    expect(got).toEqual(expected.slice(0, 25));
    expect(pulled.closed).toBe(true);
    expect(pulled.n).toBeLessThan(60);
    const again: string[] = [];
    for await (const s of pool.decideManyJson(accounts.slice(0, 5), { asOf })) again.push(s);
    expect(again).toEqual(expected.slice(0, 5));
  });

  it("options and sources are checked before any account is read", async () => {
    const pulled = { n: 0, closed: false };
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as ArrearsError).code;
      }
      return "none";
    };
    expect(code(() => pool.decideMany(slowly(accounts, pulled), { asOf, chunkSize: 0 }))).toBe("INVALID_OPTIONS");
    expect(code(() => pool.decideMany(accounts, { asOf, trce: "all" } as never))).toBe("INVALID_OPTIONS");
    expect(code(() => pool.decideMany(accounts, { asOf: "tomorrow" }))).toBe("INVALID_OPTIONS");
    const profile = loadGuardrailProfile(shippedRuleFile("guardrails", "us-reg-f"));
    expect(code(() => pool.decideMany(accounts, { asOf, guardrails: profile }))).toBe("INVALID_OPTIONS");
    expect(code(() => pool.decideMany(7 as never, { asOf }))).toBe("INVALID_INPUT");
    expect(pulled.n).toBe(0);

    // A loaded policy holds functions: its JSON or id is the source.
    await expect(createDecisionPool(loadPolicy("us-default") as never)).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
    });
    await expect(createDecisionPool("us-default", { threads: 0 })).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
    const bad = structuredClone(shippedRuleFile("policies", "us-default")) as { rules: { priority: unknown }[] };
    bad.rules[0]!.priority = "high";
    const e = await createDecisionPool({ route: ["cn-default", { policy: bad }] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArrearsError);
    expect((e as ArrearsError).code).toBe("INVALID_POLICY");
    expect((e as ArrearsError).issues[0]!.path.slice(0, 5)).toEqual(["route", 1, "policy", "rules", 0]);
    const iter = decideManyParallel({ route: [] }, accounts, { asOf });
    await expect(iter.next()).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
  });

  const LINES = expected.map((s) => `${s}\n`).join("");
  const decoder = new TextDecoder("utf-8", { fatal: true });

  it("writeJsonLines: lent blocks, in order, decideMany's JSON Lines byte for byte; intact until write settles", async () => {
    let text = "";
    let blocks = 0;
    let lent = 0;
    // Chunks of 4: far more chunks than the pool has slots, so every slot is used again and again,
    // and by a second batch meanwhile, which takes any slot given back too early.
    let other = "";
    let otherBlocks = 0;
    let otherDone = false;
    const [written] = await Promise.all([
      pool.writeJsonLines(accounts, { asOf, chunkSize: 4 }, async (block) => {
        const copy = block.slice();
        blocks++;
        if (block.buffer instanceof SharedArrayBuffer) lent++;
        // A slow writer now and then: it holds its block while the other batch gets twelve more.
        const until = otherBlocks + 12;
        while (blocks % 3 === 0 && otherBlocks < until && !otherDone) await new Promise((r) => setTimeout(r, 1));
        expect(Buffer.compare(block, copy)).toBe(0); // not yet reused
        text += decoder.decode(block);
      }),
      pool
        .writeJsonLines(accounts, { asOf, chunkSize: 2 }, (block) => {
          other += decoder.decode(block);
          otherBlocks++;
        })
        .finally(() => {
          otherDone = true;
        }),
    ]);
    expect(text).toBe(LINES);
    expect(other).toBe(LINES);
    expect(written).toEqual({
      accounts: accounts.length,
      errors: expected.filter((s) => s.includes('"error":{"code"')).length,
    });
    expect(blocks).toBe(Math.ceil(accounts.length / 4));
    // (Two batches at once share the slots: a block finding none free is moved, not lent.)
    expect(lent).toBeGreaterThan(0);
  });

  it("writeJsonLines: batches at once share the slots; a chunk larger than a slot is moved instead", async () => {
    const texts: string[] = ["", "", ""];
    const collect = (k: number) => (block: Uint8Array) => {
      texts[k] += decoder.decode(block);
    };
    const moved: boolean[] = [];
    await Promise.all([
      pool.writeJsonLines(accounts, { asOf, chunkSize: 8 }, collect(0)),
      pool.writeJsonLines(accounts, { asOf, chunkSize: 3, maxInFlight: 16 }, collect(1)),
      // One chunk of every account: more than a slot's 1 MiB.
      pool.writeJsonLines(accounts, { asOf, chunkSize: accounts.length }, (b) => {
        moved.push(!(b.buffer instanceof SharedArrayBuffer));
        collect(2)(b);
      }),
    ]);
    expect(texts).toEqual([LINES, LINES, LINES]);
    expect(moved).toEqual([true]);
  });

  it("writeJsonLines (property): any chunk size, read-ahead, slow writes and a batch beside it give the same bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: accounts.length }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 14 }), // beyond the nine slots of two threads: some chunks moved
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), // which writes wait (cyclic)
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }), // a batch beside, its chunk size
        async (n, chunkSize, maxInFlight, slow, beside) => {
          const want = expected
            .slice(0, n)
            .map((t) => `${t}\n`)
            .join("");
          let got = "";
          let k = 0;
          let other = "";
          const [written] = await Promise.all([
            pool.writeJsonLines(accounts.slice(0, n), { asOf, chunkSize, maxInFlight }, async (block) => {
              const copy = block.slice();
              if (slow[k++ % slow.length]) await new Promise((r) => setTimeout(r, 1));
              expect(Buffer.compare(block, copy)).toBe(0);
              got += decoder.decode(block);
            }),
            beside === undefined
              ? undefined
              : pool.writeJsonLines(accounts.slice(0, 40), { asOf, chunkSize: beside }, (block) => {
                  other += decoder.decode(block);
                }),
          ]);
          expect(got).toBe(want);
          expect(written.accounts).toBe(n);
          if (beside !== undefined)
            expect(other).toBe(
              expected
                .slice(0, 40)
                .map((t) => `${t}\n`)
                .join(""),
            );
        },
      ),
      { numRuns: 12 },
    );
  });

  it("writeJsonLines: a failing write ends the batch with its error and gives the slots back", async () => {
    for (let k = 0; k < 12; k++) {
      const boom = new Error(`disk full ${k}`);
      let calls = 0;
      await expect(
        pool.writeJsonLines(accounts, { asOf, chunkSize: 4 }, () => {
          if (++calls === 3) throw boom;
        }),
      ).rejects.toBe(boom);
    }
    // Had a failed batch kept even one slot, twelve would have kept them all (nine for 2 threads).
    const lent: boolean[] = [];
    await pool.writeJsonLines(accounts.slice(0, 40), { asOf, chunkSize: 4 }, (b) => {
      lent.push(b.buffer instanceof SharedArrayBuffer);
    });
    expect(lent).toEqual(Array(10).fill(true));
    await expect(pool.writeJsonLines(accounts, { asOf }, "stdout" as never)).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
      issues: [{ path: ["write"] }],
    });
    await expect(pool.writeJsonLines(accounts, { asOf, chunkSize: 0 }, () => {})).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
    });
  });

  it("destroy: idempotent; a destroyed pool refuses new batches", async () => {
    expect(pool.threads).toBe(2);
    await pool.destroy();
    await pool.destroy();
    await expect(pool.decideManyJson(accounts, { asOf }).next()).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("a worker's chunk", () => {
  it("keeps input positions and gives a file's error entries their line", () => {
    const policy = loadPolicySource(SOURCE);
    const slice = accounts.slice(48, 53);
    const plain = runChunk(policy, { batch: 0, base: 48, accounts: slice, options: { asOf }, out: "json" }, { asOf });
    expect(plain.items).toEqual(expected.slice(48, 53));
    expect(plain.errors).toEqual([2, 3]);
    const records = {
      index: [7, 8, 9],
      line: [10, 0, 12],
      unreadable: [null, null, "not JSON: Unexpected token"],
    };
    const r = runChunk(
      policy,
      { batch: 0, base: 0, accounts: [slice[2], slice[3], null], options: { asOf }, out: "items", records },
      { asOf },
    );
    expect(r.items.map((x) => JSON.stringify(x))).toEqual([
      JSON.stringify({ ...JSON.parse(expected[50]!), index: 7, line: 10 }).replace(
        /"index":7,"error":(.*),"line":10}$/,
        '"index":7,"line":10,"error":$1}',
      ),
      JSON.stringify({ ...JSON.parse(expected[51]!), index: 8 }),
      JSON.stringify({
        accountId: null,
        index: 9,
        line: 12,
        error: { code: "INVALID_INPUT", message: "not JSON: Unexpected token", issues: [] },
      }),
    ]);
  });

  it('"jsonl": the same items as one UTF-8 block, and a chunk far larger than the scratch block', () => {
    const policy = loadPolicySource(SOURCE);
    const r = runChunk(policy, { batch: 0, base: 0, accounts, options: { asOf }, out: "jsonl" }, { asOf });
    expect(r.items).toEqual([]);
    expect(r.count).toBe(accounts.length);
    expect(r.errors).toEqual(expected.flatMap((s, i) => (s.includes('"error":{"code"') ? [i] : [])));
    expect(new TextDecoder().decode(r.jsonl)).toBe(expected.map((s) => `${s}\n`).join(""));
    expect(r.jsonl!.length).toBeGreaterThan(1 << 20); // grew past the first scratch block
    const small = runChunk(
      policy,
      { batch: 0, base: 3, accounts: accounts.slice(3, 5), options: { asOf }, out: "jsonl" },
      { asOf },
    );
    expect(new TextDecoder().decode(small.jsonl)).toBe(`${expected[3]}\n${expected[4]}\n`);
  });
});
