/**
 * 05 — champion/challenger. 80% of accounts keep the default policy, 20% get a challenger that
 * lets early accounts self-cure by SMS for ten days. Assignment hashes salt + ":" + id
 * (MurmurHash3), so an account stays in its arm across runs and machines. Then `comparePolicies`
 * shows what the challenger would change if it replaced the champion everywhere, and a month
 * later `experimentResults` reads the outcomes: cure and roll-forward rates, amount collected,
 * lifts with intervals and tests; `sampleSizeForLift` says how many accounts a clear answer needs.
 *
 *   npx tsx examples/05-champion-challenger.ts
 */
import {
  assignVariant,
  comparePolicies,
  decideWithExperiment,
  type ExperimentOutcome,
  experimentResults,
  formatReport,
  loadPolicy,
  loadPolicySet,
  sampleSizeForLift,
  shippedRuleFile,
} from "../src/index.js";
import { isMain, type Log, readExampleFile } from "./_shared.js";
import { selfCurePolicyJson } from "./02-custom-policy.js";

const defaultPolicy = shippedRuleFile("policies", "us-default");

export const AS_OF = "2026-11-23T01:30:00Z";

export function main(log: Log = console.log, limit = 1000): void {
  const champion = loadPolicy(defaultPolicy);
  const challenger = loadPolicy(selfCurePolicyJson());
  const set = loadPolicySet({
    experiment: {
      id: "self-cure-q4",
      salt: "self-cure-q4-2026",
      variants: [
        { name: "champion", weight: 80 },
        { name: "challenger", weight: 20 },
      ],
    },
    policies: { champion, challenger },
  });
  const accounts = (JSON.parse(readExampleFile("data/sample-portfolio.json")) as { id: string }[])
    // Both arms are US policies: the experiment runs on the US book.
    .filter((a) => a.id.startsWith("US-"))
    .slice(0, limit);

  const arms: Record<string, { n: number; actions: Record<string, number> }> = {};
  for (const a of accounts) {
    const d = decideWithExperiment(set, a, { asOf: AS_OF });
    const arm = (arms[d.variant!] ??= { n: 0, actions: {} });
    arm.n++;
    arm.actions[d.action.type] = (arm.actions[d.action.type] ?? 0) + 1;
  }
  for (const [name, arm] of Object.entries(arms).sort()) {
    const top = Object.entries(arm.actions)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    log(`${name}: ${arm.n} accounts (${((100 * arm.n) / accounts.length).toFixed(1)}%); top actions ${top}`);
  }

  const diff = comparePolicies(champion, challenger, accounts, { asOf: AS_OF, examplesPerCell: 3 });
  log(`challenger changes ${diff.changed} of ${diff.total} decisions (${(100 * diff.changedShare).toFixed(1)}%)`);
  for (const c of diff.cells.filter((c) => c.from !== c.to).slice(0, 5))
    log(`  ${c.from} → ${c.to}: ${c.count} (e.g. ${c.examples.join(", ")})`);

  // A month later: each account's outcome. SIMULATED here (a seeded generator, the challenger
  // curing a little more often); in production, read them from your ledger. The variant comes
  // from the experiment's assignment, the one decideWithExperiment used.
  const random = seeded(2026);
  const outcomes: ExperimentOutcome[] = accounts.map((a) => {
    const challenger = assignVariant(set.experiment, a.id) === "challenger";
    const cured = random() < (challenger ? 0.36 : 0.3);
    return {
      accountId: a.id,
      cured,
      rolledForward: !cured && random() < 0.2,
      collected: cured ? (50 + Math.floor(random() * 45_000) / 100).toFixed(2) : "0.00",
    };
  });
  const results = experimentResults(set.experiment, outcomes, { currency: "USD" });
  for (const line of formatReport(results).split("\n")) log(line);
  const need = sampleSizeForLift({ baseRate: results.variants[0]!.cureRate, lift: 0.06, ratio: 0.25 });
  log(
    `to see +6 points of cure rate at 80/20 (5 %, power 80 %): ${need.total} accounts (${need.control} + ${need.variant})`,
  );
}

/** mulberry32: the same numbers on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

if (isMain(import.meta.url)) main();
