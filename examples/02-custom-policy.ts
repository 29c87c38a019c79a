/**
 * 02 — a custom policy. Start from the default ladder, give early accounts ten days to self-cure
 * by SMS before the first call, and load it: `loadPolicy` validates the JSON and compiles the
 * conditions, and a mistake is reported with its JSON path.
 *
 *   npx tsx examples/02-custom-policy.ts
 */
import { ArrearsError, decide, loadPolicy, shippedRuleFile } from "../src/index.js";
import { account } from "../src/testing/index.js";
import { isMain, type Log } from "./_shared.js";

const defaultPolicy = shippedRuleFile("policies", "us-default");

type Rule = { name: string; conditions: { all: { fact: string; operator: string; value: unknown }[] } };

/** The default policy with a ten-day SMS-only window. Thresholds are data: edit JSON, not code. */
export function selfCurePolicyJson(): Record<string, unknown> {
  const json = structuredClone(defaultPolicy) as Record<string, unknown> & { rules: Rule[] };
  json.id = "self-cure-10";
  json.version = "1.0.0";
  json.description = "Default ladder, but SMS only for the first 10 days past due.";
  json.tests = [];
  for (const r of json.rules) {
    for (const c of r.conditions.all ?? []) {
      if (r.name === "sms-reminder-early" && c.fact === "dpd") c.value = [1, 10];
      if ((r.name === "call-first" || r.name === "call-follow-up") && c.fact === "dpd") c.value = 11;
    }
  }
  return json;
}

export function main(log: Log = console.log): void {
  const standard = loadPolicy(defaultPolicy);
  const selfCure = loadPolicy(selfCurePolicyJson());
  const asOf = "2026-11-23T15:00:00Z";
  for (const days of [3, 8, 15]) {
    const a = account().id(`D${days}`).asOf(asOf).overdue(days).build();
    const x = decide(standard, a, { asOf });
    const y = decide(selfCure, a, { asOf });
    log(`dpd ${String(days).padStart(2)}: default → ${x.action.type.padEnd(18)} self-cure-10 → ${y.action.type}`);
  }

  // A typo in a rule is caught at load time, with the path to it.
  const broken = selfCurePolicyJson() as { rules: Rule[] };
  broken.rules[0]!.conditions.all[0]!.operator = "equals";
  try {
    loadPolicy(broken);
  } catch (e) {
    if (!(e instanceof ArrearsError)) throw e;
    log(`rejected: ${e.code} at ${e.issues.map((i) => i.path.join(".")).join(", ")}`);
  }
}

if (isMain(import.meta.url)) main();
