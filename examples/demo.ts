/**
 * `npm run demo`: decide the 3,000-account sample portfolio (examples/data/sample-portfolio.json,
 * made by generate-portfolio.ts) at a fixed instant, each account under the shipped policy of its
 * jurisdiction (China, US states, UK nations: `routePolicies`), and print a report per policy:
 * bucket × action, what the guardrails blocked, the accounts no policy applies to (and why), a
 * few decisions explained, and the top of the contact work queue by priority.
 */
import {
  type BatchItem,
  type Decision,
  decideMany,
  isDecisionError,
  loadPolicy,
  routePolicies,
  summarizePortfolio,
} from "../src/index.js";
import { fitTo, isMain, type Log, readExampleFile, table } from "./_shared.js";
import { SAMPLE_AS_OF } from "./generate-portfolio.js";

/** The shipped policies the demo routes between, one per jurisdiction. */
export const DEMO_POLICIES = ["cn-default", "us-default", "gb-default"] as const;

function explain(d: Decision, log: Log): void {
  log(
    `• ${d.accountId} — ${d.facts.bucket} (dpd ${d.facts.dpd}), overdue ${d.amounts.overdue.total} ${d.amounts.currency}, segment ${d.scores?.segment ?? "-"}`,
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
  const reasons = (d.scores?.risk.reasons ?? []).slice(0, 3).map((r) => r.code);
  if (reasons.length) log(`  top risk reason codes: ${reasons.join(", ")}`);
}

export function main(print: Log = console.log): void {
  const log = fitTo(100, print); // every line fits a 100-column terminal
  const router = routePolicies(DEMO_POLICIES.map((id) => loadPolicy(id)));
  const accounts = JSON.parse(readExampleFile("data/sample-portfolio.json")) as unknown[];
  const started = performance.now();

  // One pass: decisions grouped by the policy that made them (a report per policy: buckets differ).
  const byPolicy = new Map<string, Decision[]>();
  const notApplicable: Decision[] = [];
  const errors: BatchItem[] = [];
  for (const d of decideMany(router, accounts, { asOf: SAMPLE_AS_OF })) {
    if (isDecisionError(d)) errors.push(d);
    else if (d.notApplicable) notApplicable.push(d);
    else {
      const id = `${d.policy!.id}@${d.policy!.version}`;
      const list = byPolicy.get(id);
      if (list) list.push(d);
      else byPolicy.set(id, [d]);
    }
  }
  const ms = performance.now() - started;
  const all = summarizePortfolio([...[...byPolicy.values()].flat(), ...notApplicable, ...errors]);

  log(`arrears demo — ${accounts.length} accounts at ${SAMPLE_AS_OF}, routed by jurisdiction`);
  log(
    `decided ${all.decisions}, not applicable ${all.notApplicable.count}, invalid ${all.errors} (${ms.toFixed(0)} ms)`,
  );
  for (const row of all.byPolicy) log(`  ${row.policy}: ${row.count}`);

  for (const [id, decisions] of byPolicy) {
    const s = summarizePortfolio(decisions);
    log("");
    log(`== ${id}: ${s.decisions} accounts (${[...new Set(decisions.map((d) => d.jurisdiction))].sort().join(" ")})`);
    // One row per action and one column per bucket: the buckets are few and short, the actions many.
    log("Accounts by action × bucket");
    for (const line of table([
      ["action", ...s.buckets, "total"],
      ...s.actions.map((a, j) => [a, ...s.buckets.map((_, i) => s.counts[i]![j]!), s.byAction[j]!.count]),
      ["total", ...s.byBucket.map((b) => b.count), s.total.count],
    ]))
      log(line);
    for (const [c, e] of Object.entries(s.total.exposure))
      log(`Exposure ${c}: overdue ${e.overdue}, outstanding ${e.outstanding}`);
    log(
      `Blocked by guardrails: ${s.blocked.decisions} decisions had a candidate blocked, ${s.blocked.allContactsBlocked} every contact`,
    );
    for (const r of s.blocked.byReason.slice(0, 6)) log(`  ${r.code}: ${r.count} (${r.decisions} accounts)`);
    const held = decisions.filter((d) => d.holds.length > 0);
    if (held.length > 0) {
      const reasons = new Map<string, number>();
      for (const d of held) for (const h of d.holds) reasons.set(h.status, (reasons.get(h.status) ?? 0) + 1);
      log(`Holds and statuses in force: ${[...reasons].map(([k, n]) => `${k} ${n}`).join(", ")}`);
    }
    const examples = new Map<string, Decision>();
    for (const d of decisions) {
      const key = d.blocked.length ? "blocked" : d.action.offer ? "offer" : d.action.contact ? "contact" : null;
      if (key !== null && !examples.has(key)) examples.set(key, d);
    }
    log("A few decisions explained");
    for (const d of examples.values()) explain(d, log);
    const queue = decisions
      .filter((d) => d.action.contact)
      .sort((a, b) => (b.scores?.priority ?? 0) - (a.scores?.priority ?? 0) || (a.accountId < b.accountId ? -1 : 1))
      .slice(0, 5);
    log("Work queue (contact actions): top 5 by priority");
    for (const line of table([
      ["account", "bucket", "action", "earliest", "priority"],
      ...queue.map((d) => [
        d.accountId,
        String(d.facts.bucket),
        d.action.type,
        d.action.earliestAt.slice(0, 16),
        d.scores?.priority ?? "-",
      ]),
    ]))
      log(line);
  }
  log("");
  log("Not applicable (no policy decides these: fix the data or add a policy)");
  for (const r of all.notApplicable.byCode) log(`  ${r.code}: ${r.count}`);
  for (const d of notApplicable.slice(0, 5)) log(`  ${d.accountId}: ${d.notApplicable!.message}`);
  log("");
  log("Invalid accounts");
  for (const e of errors) if (isDecisionError(e)) log(`  #${e.index} ${e.accountId}: ${e.error.message}`);
}

if (isMain(import.meta.url)) main();
