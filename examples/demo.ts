/**
 * `npm run demo`: decide the 3,000-account sample portfolio (examples/data/sample-portfolio.json,
 * made by generate-portfolio.ts) with the default policy at a fixed instant and print a report:
 * bucket × action, what the guardrails blocked, a few decisions explained, and the top of the
 * contact work queue by priority (risk probability × outstanding).
 */
import {
  type BatchItem,
  type Decision,
  decideMany,
  isDecisionError,
  loadPolicy,
  shippedRuleFile,
  summarizePortfolio,
} from "../src/index.js";
import { isMain, type Log, readExampleFile, table } from "./_shared.js";
import { SAMPLE_AS_OF } from "./generate-portfolio.js";

const defaultPolicy = shippedRuleFile("policies", "default");

function explain(d: Decision, log: Log): void {
  log(
    `• ${d.accountId} — ${d.facts.bucket} (dpd ${d.facts.dpd}), overdue ${d.amounts.overdue.total} ${d.amounts.currency}, segment ${d.scores.segment ?? "-"}`,
  );
  log(
    `  action ${d.action.type}${d.action.channel ? ` via ${d.action.channel}` : ""} by rule "${d.action.rule}", earliest ${d.action.earliestAt}`,
  );
  const fired = d.trace.filter((t) => t.fired).slice(0, 3);
  for (const t of fired)
    log(
      `  rule ${t.rule} fired on ${Object.entries(t.facts)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(", ")}`,
    );
  for (const b of d.blocked)
    log(
      `  blocked ${b.type}: ${b.reasons.map((r) => r.code).join(", ")}${b.earliestAt ? ` (lawful again ${b.earliestAt})` : ""}`,
    );
  const reasons = d.scores.risk.reasons.slice(0, 3).map((r) => r.code);
  if (reasons.length) log(`  top risk reason codes: ${reasons.join(", ")}`);
}

export function main(log: Log = console.log): void {
  const policy = loadPolicy(defaultPolicy);
  const accounts = JSON.parse(readExampleFile("data/sample-portfolio.json")) as unknown[];
  const started = performance.now();

  // One pass: the summary, a bounded work queue and a few examples; nothing else is kept.
  const queue: Decision[] = [];
  const examples = new Map<string, Decision>();
  const errors: BatchItem[] = [];
  function* tap(items: Iterable<BatchItem>): Generator<BatchItem> {
    for (const d of items) {
      if (isDecisionError(d)) errors.push(d);
      else {
        if (d.blocked.length && !examples.has("blocked")) examples.set("blocked", d);
        if (d.action.offer && !examples.has("offer")) examples.set("offer", d);
        if (d.action.type === "call_borrower" && !examples.has("call")) examples.set("call", d);
        if (d.action.contact) {
          queue.push(d);
          queue.sort((a, b) => b.scores.priority - a.scores.priority || (a.accountId < b.accountId ? -1 : 1));
          if (queue.length > 10) queue.pop();
        }
      }
      yield d;
    }
  }
  const s = summarizePortfolio(tap(decideMany(policy, accounts, { asOf: SAMPLE_AS_OF })));
  const ms = performance.now() - started;

  log(
    `arrears demo — ${accounts.length} accounts, policy ${policy.meta.id}@${policy.meta.version}, asOf ${SAMPLE_AS_OF}`,
  );
  log(`decided ${s.decisions}, errors ${s.errors} (${ms.toFixed(0)} ms)`);
  log("");
  log("Accounts by bucket × action");
  for (const line of table([
    ["bucket", ...s.actions, "total"],
    ...s.buckets.map((b, i) => [b, ...s.counts[i]!, s.byBucket[i]!.count]),
  ]))
    log(line);
  log("");
  log("Exposure");
  for (const [c, e] of Object.entries(s.total.exposure))
    log(`  ${c}: overdue ${e.overdue}, outstanding ${e.outstanding}`);
  log("");
  log(
    `Blocked by guardrails: ${s.blocked.decisions} decisions had a candidate blocked, ${s.blocked.allContactsBlocked} had every contact blocked`,
  );
  for (const r of s.blocked.byReason) log(`  ${r.code}: ${r.count} (${r.decisions} accounts)`);
  log("");
  log("Invalid accounts");
  for (const e of errors) if (isDecisionError(e)) log(`  #${e.index} ${e.accountId}: ${e.error.message}`);
  log("");
  log("A few decisions explained");
  for (const d of examples.values()) explain(d, log);
  log("");
  log("Work queue (contact actions): top 10 by priority");
  for (const line of table([
    ["account", "bucket", "action", "channel", "earliest", "priority"],
    ...queue.map((d) => [
      d.accountId,
      String(d.facts.bucket),
      d.action.type,
      d.action.channel ?? "-",
      d.action.earliestAt,
      d.scores.priority,
    ]),
  ]))
    log(line);
}

if (isMain(import.meta.url)) main();
