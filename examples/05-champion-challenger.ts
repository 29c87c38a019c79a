/**
 * 05 — champion/challenger. 80% of accounts keep the default policy, 20% get a challenger that
 * lets early accounts self-cure by SMS for ten days. Assignment hashes salt + ":" + id
 * (MurmurHash3), so an account stays in its arm across runs and machines. Then `comparePolicies`
 * shows what the challenger would change if it replaced the champion everywhere.
 *
 *   npx tsx examples/05-champion-challenger.ts
 */
import { comparePolicies, decideWithExperiment, loadPolicy, loadPolicySet, shippedRuleFile } from "../src/index.js";
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
}

if (isMain(import.meta.url)) main();
