/**
 * 04 — a portfolio report from a CSV export of a core system (one row per account with a
 * delinquency snapshot): map rows to account JSON, decide them as a stream, summarise by
 * bucket × action. A bad row (an unknown currency) becomes an error entry; the rest go on.
 *
 *   npx tsx examples/04-portfolio-report-from-csv.ts
 */
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

/** Rows of a simple CSV (no quoted commas in this export). */
export function* csvRows(text: string): Generator<Record<string, string>> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0]!.split(",");
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    yield Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
  }
}

const list = (s: string): string[] => (s ? s.split("|") : []);

/** One CSV row → account JSON (the library validates it; this only reshapes). */
export function rowToAccount(r: Record<string, string>): unknown {
  const flags = Object.fromEntries(list(r.flags!).map((f) => [f, true]));
  return {
    id: r.id,
    product: r.product,
    currency: r.currency,
    ...(r.jurisdiction ? { jurisdiction: r.jurisdiction } : {}),
    openedOn: r.openedOn,
    timeZone: r.timeZone,
    locale: r.locale,
    balance: { principal: r.principal, interest: r.interest, penaltyInterest: r.penaltyInterest, fees: r.fees },
    delinquency: { dpd: Number(r.dpd), overdue: r.overdue, cycleHistory: list(r.cycleHistory!).map(Number) },
    borrower: {
      ...(r.monthlyIncome ? { monthlyIncome: r.monthlyIncome } : {}),
      doNotContact: list(r.doNotContact!),
      flags,
    },
    contacts: r.lastCallAt ? [{ at: r.lastCallAt, channel: "call", outcome: r.lastCallOutcome }] : [],
  };
}

export function main(log: Log = console.log): void {
  // Each row under the policy of its jurisdiction (CNY rows under cn-default, USD rows under us-default).
  const policy = routePolicies([loadPolicy("cn-default"), loadPolicy("us-default")]);
  const accounts = [...csvRows(readExampleFile("data/accounts.csv"))].map(rowToAccount);
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
