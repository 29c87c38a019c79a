/**
 * 04 — a portfolio report from a CSV export of a core system (one row per account with a
 * delinquency snapshot): map rows to account JSON, decide them as a stream, summarise by
 * bucket × action. A bad row (an unknown currency) becomes an error entry; the rest go on.
 * The CSV reader and the row → account mapping are the CLI's (`arrears decide policy.json
 * accounts.csv --as-of …` reads the same layout).
 *
 *   npx tsx examples/04-portfolio-report-from-csv.ts
 */

import { csvRecords, rowToAccount } from "../src/cli/csv.js";
import {
  type BatchItem,
  decideMany,
  isDecisionError,
  loadPolicy,
  routePolicies,
  summarizePortfolio,
} from "../src/index.js";
import { isMain, type Log, readExampleFile, table } from "./_shared.js";

export const AS_OF = "2026-11-23T15:00:00Z";

export function main(log: Log = console.log): void {
  // Each row under the policy of its jurisdiction (CNY rows under cn-default, USD rows under us-default).
  const policy = routePolicies([loadPolicy("cn-default"), loadPolicy("us-default")]);
  const accounts = [...csvRecords(readExampleFile("data/accounts.csv"))].map(rowToAccount);
  const decisions: BatchItem[] = [];
  for (const d of decideMany(policy, accounts, { asOf: AS_OF })) {
    decisions.push(d); // 21 rows: keeping them is fine here; for millions, summarise the stream directly
    if (isDecisionError(d)) log(`row ${d.index + 2} (${d.accountId}): ${d.error.message}`);
  }
  const s = summarizePortfolio(decisions);
  log(`decided ${s.decisions} accounts, ${s.errors} error(s)`);
  for (const r of s.byPolicy) log(`policy ${r.policy}: ${r.count}`);
  for (const line of table([["bucket", ...s.actions], ...s.buckets.map((b, i) => [b, ...s.counts[i]!])])) log(line);
  for (const [c, e] of Object.entries(s.total.exposure))
    log(`exposure ${c}: overdue ${e.overdue}, outstanding ${e.outstanding}`);
}

if (isMain(import.meta.url)) main();
