/**
 * 08 — the sample portfolio on every core: a pool of worker threads (`arrears/parallel`) decides
 * the accounts' JSON Lines and hands back UTF-8 JSON Lines blocks, ready for a file, a socket or
 * a queue producer; they are byte for byte what one thread writes. Two ways: blocks that are
 * yours to keep (`decideManyJsonLines`), or blocks lent to a write function (`writeJsonLines`,
 * the faster: nothing is allocated per chunk). A policy cannot cross a
 * thread (it holds compiled functions), so the pool gets its source: here the shipped policies,
 * routed by jurisdiction.
 *
 *   npx tsx examples/08-every-core.ts
 */

import { decideMany, isDecisionError, loadPolicy, routePolicies } from "../src/index.js";
import { createDecisionPool } from "../src/parallel/index.js";
import { isMain, type Log, readExampleFile } from "./_shared.js";

export const AS_OF = "2026-11-23T01:30:00Z";

export async function main(log: Log = console.log, threads = 2, limit = Infinity): Promise<void> {
  // One JSON text per account, as a JSON Lines file or a queue delivers them.
  const accounts = (JSON.parse(readExampleFile("data/sample-portfolio.json")) as unknown[]).slice(0, limit);
  const texts = accounts.map((a) => JSON.stringify(a));
  const ids = ["cn-default", "us-default", "gb-default"];

  const pool = await createDecisionPool({ route: ids }, { threads });
  const decoder = new TextDecoder();
  const blocks: Uint8Array[] = [];
  let lent = "";
  try {
    // The workers parse, decide, serialise and encode; this thread only passes texts and bytes on.
    for await (const block of pool.decideManyJsonLines(texts, { asOf: AS_OF, input: "json" })) blocks.push(block);
    // A lent block is valid until the write function returns (or its promise settles): write it
    // out there, e.g. `writeSync(fd, block)`; here it is decoded.
    const written = await pool.writeJsonLines(texts, { asOf: AS_OF, input: "json" }, (block) => {
      lent += decoder.decode(block);
    });
    log(`writeJsonLines: ${written.accounts} accounts, ${written.errors} error entries`);
  } finally {
    await pool.destroy();
  }
  const bytes = blocks.reduce((n, b) => n + b.length, 0);
  log(`${pool.threads} threads: ${texts.length} accounts → ${blocks.length} blocks, ${bytes} bytes of JSON Lines`);

  // The same decisions on this thread, as JSON Lines: identical bytes.
  const policy = routePolicies(ids.map((id) => loadPolicy(id)));
  let one = "";
  let errors = 0;
  for (const d of decideMany(policy, accounts, { asOf: AS_OF })) {
    one += `${JSON.stringify(d)}\n`;
    if (isDecisionError(d)) errors++;
  }
  const same = blocks.map((b) => decoder.decode(b)).join("") === one && lent === one;
  log(`one thread writes the same bytes (both ways): ${same ? "yes" : "NO"}`);
  log(`error entries (invalid accounts, kept in input order): ${errors}`);
}

if (isMain(import.meta.url)) await main();
