/**
 * Designs the default risk scorecard (rules/scorecards/risk-behavioral.json) on the UCI
 * training split (IDs 1–20000 only; 20001–30000 are kept for validation):
 * hand-chosen bins → weight of evidence (WoE = ln(%good/%bad)) per bin → logistic regression
 * of "paid next month" on the WoE values → points = round(factor · β · WoE), with
 * factor = pointsToDoubleOdds / ln 2 and the intercept folded into `basePoints`.
 * Expert characteristics with no UCI data (broken promises, contactability) keep fixed points.
 * The embedded tests of the existing file are kept.
 *
 * Run: npx tsx examples/uci/design.ts
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Facts } from "../../src/facts/index.js";
import { readUci } from "./data.js";
import { uciFacts, usingDeriveFacts } from "./facts.js";
import { rocAuc } from "./metrics.js";
import { type BinStat, binOf, logistic, type NumericSpec, woeTable } from "./woe.js";

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), "../../rules/scorecards/risk-behavioral.json");
const SCALE = { baseScore: 600, baseOdds: 9, pointsToDoubleOdds: 40 };
const FACTOR = SCALE.pointsToDoubleOdds / Math.LN2;
const OFFSET = SCALE.baseScore - FACTOR * Math.log(SCALE.baseOdds);

interface Designed extends NumericSpec {
  reasonCode: string;
  reasonText: string;
  description: string;
}

/** Bins chosen by hand from the training split; amounts are in the account's currency (TWD here). */
// creditLimit was tried and dropped: it adds little once paidAmount90d is in, makes the card
// depend more on the currency, and turns utilization's coefficient negative (collinear).
// daysSinceLastPayment was tried and dropped: with six months of history it adds nothing once
// paymentsCount90d and paidAmount90d are in (β ≈ 0).
const SPECS: Designed[] = [
  {
    name: "currentDelinquency",
    fact: "dpd",
    cuts: [1, 30, 60],
    reasonCode: "R01",
    reasonText: "Account is past due now",
    description: "Days past due today.",
  },
  {
    name: "worstDelinquency",
    fact: "worstCycle12m",
    cuts: [1, 2, 3],
    reasonCode: "R02",
    reasonText: "Serious delinquency in the last 12 months",
    description: "Worst monthly status in 12 months.",
  },
  {
    name: "delinquentMonths",
    fact: "cyclesDelinquent12m",
    cuts: [1, 2, 3, 4, 5, 6],
    reasonCode: "R03",
    reasonText: "Frequent delinquency in the last 12 months",
    description: "Months of 12 with a payment late.",
  },
  {
    name: "utilization",
    fact: "utilization",
    cuts: [0.0001, 0.1, 0.5, 0.8, 1],
    reasonCode: "R04",
    reasonText: "Balance high relative to the credit limit",
    description: "Outstanding ÷ credit limit.",
  },
  {
    name: "paymentsMade",
    fact: "paymentsCount90d",
    cuts: [1, 2, 3],
    reasonCode: "R06",
    reasonText: "Few payments in the last 90 days",
    description: "Number of payments in 90 days.",
  },
  {
    name: "paidAmount",
    fact: "paidAmount90d",
    cuts: [1, 2000, 5000, 10000, 30000],
    reasonCode: "R07",
    reasonText: "Little paid in the last 90 days",
    description: "Total paid in 90 days (designed in TWD).",
  },
];

/** Characteristics UCI cannot inform: expert points, neutral (0) in the clean state. */
const EXPERT = [
  {
    name: "brokenPromises",
    fact: "promisesBroken90d",
    type: "numeric",
    description:
      "Promises to pay broken (nothing paid) in 90 days. Expert points: each broken promise roughly halves the odds of payment.",
    reasonCode: "R09",
    reasonText: "Broken promises to pay",
    bins: [
      { max: 1, points: 0 },
      { min: 1, max: 2, points: -30 },
      { min: 2, points: -50 },
    ],
    missing: { points: 0 },
  },
  {
    name: "contactability",
    fact: "unreachable",
    type: "categorical",
    description: "No right-party contact in 30 days despite repeated attempts. Expert points.",
    reasonCode: "R10",
    reasonText: "Borrower cannot be reached",
    bins: [
      { values: [false], points: 0 },
      { values: [true], points: -35 },
    ],
    missing: { points: 0 },
  },
];

function main(): void {
  const rows = readUci().filter((r) => r.id <= 20000);
  const facts = rows.map(uciFacts);
  const bad = rows.map((r) => r.defaulted);
  console.log(
    `design on ${rows.length} training accounts (IDs 1–20000), facts from ${usingDeriveFacts ? "deriveFacts" : "the local stand-in"}`,
  );

  const fit = (idx: number[]) => {
    const tabs = SPECS.map((s) =>
      woeTable(
        s,
        idx.map((i) => facts[i]!),
        idx.map((i) => bad[i]!),
      ),
    );
    const x = (f: Facts) => SPECS.map((s, j) => woeOf(tabs[j]!, s, f));
    const beta = logistic(
      idx.map((i) => x(facts[i]!)),
      idx.map((i) => !bad[i]!),
    );
    return { tabs, beta, risk: (f: Facts) => -(beta[0]! + x(f).reduce((a, v, j) => a + v * beta[j + 1]!, 0)) };
  };
  // Inner check on the training split only: fit 1–15000, evaluate 15001–20000.
  const inner = rows.map((_, i) => i).filter((i) => rows[i]!.id <= 15000);
  const check = rows.map((_, i) => i).filter((i) => rows[i]!.id > 15000);
  const m0 = fit(inner);
  console.log(
    `inner check: AUC fit(1–15000) ${rocAuc(
      inner.map((i) => m0.risk(facts[i]!)),
      inner.map((i) => bad[i]!),
    ).toFixed(4)}, 15001–20000 ${rocAuc(
      check.map((i) => m0.risk(facts[i]!)),
      check.map((i) => bad[i]!),
    ).toFixed(4)}`,
  );

  const all = rows.map((_, i) => i);
  const m = fit(all);
  console.log(
    `final fit on 1–20000: AUC ${rocAuc(
      all.map((i) => m.risk(facts[i]!)),
      bad,
    ).toFixed(4)}; β = ${m.beta.map((b) => b.toFixed(3)).join(", ")}`,
  );

  m.beta.slice(1).forEach((b, j) => {
    if (b <= 0) console.warn(`WARNING: ${SPECS[j]!.name} has β ${b.toFixed(3)} ≤ 0: its points run against its WoE`);
  });
  const characteristics: unknown[] = SPECS.map((s, j) => {
    const beta = m.beta[j + 1]!;
    const tab = m.tabs[j]!;
    const pts = (st: BinStat) => Math.round(FACTOR * beta * st.woe) || 0;
    const bins = s.cuts.length + 1;
    const out = Array.from({ length: bins }, (_, b) => {
      return {
        ...(b > 0 ? { min: s.cuts[b - 1]! } : {}),
        ...(b < bins - 1 ? { max: s.cuts[b]! } : {}),
        points: pts(tab[b]!),
      };
    });
    console.log(
      `${s.name.padEnd(20)} ${tab.map((t, b) => `${b === bins ? "missing" : b}:${t.good + t.bad}/${(t.bad / Math.max(1, t.good + t.bad)).toFixed(3)}→${pts(t)}`).join("  ")}`,
    );
    return {
      name: s.name,
      fact: s.fact,
      type: "numeric",
      description: s.description,
      reasonCode: s.reasonCode,
      reasonText: s.reasonText,
      bins: out,
      missing: { points: pts(tab[bins]!) },
    };
  });

  const old = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, "utf8")) as { tests?: unknown[] }) : {};
  const card = {
    schemaVersion: 1,
    id: "risk-behavioral",
    version: "1.0.0",
    description:
      "Behavioural collection score: delinquency depth and history, payment behaviour, utilization, broken promises and contactability. Higher score = more likely to pay; probability = P(not paying next month). Bins and points designed on the UCI Taiwan credit-card data (IDs 1–20000, 2005, TWD) by WoE + logistic regression (examples/uci/design.ts); broken promises and contactability carry expert points. Amount bins are in the account's currency as designed for TWD: rescale the paidAmount bins, and recalibrate basePoints, for another portfolio.",
    higherIs: "better",
    basePoints: Math.round(OFFSET + FACTOR * m.beta[0]!),
    odds: { ...SCALE, event: "not paying next month (default)" },
    maxReasons: 4,
    characteristics: [...characteristics, ...EXPERT],
    tests: old.tests ?? [],
    meta: {
      designedWith: "examples/uci/design.ts",
      trainingIds: "1-20000",
      holdoutIds: "20001-30000",
      factsFrom: usingDeriveFacts ? "deriveFacts" : "stand-in",
    },
  };
  writeFileSync(OUT, JSON.stringify(card, null, 2) + "\n");
  console.log(`wrote ${OUT}`);
}

function woeOf(tab: BinStat[], s: NumericSpec, f: Facts): number {
  const b = binOf(s, f[s.fact]);
  return tab[b < 0 ? s.cuts.length + 1 : b]!.woe;
}

main();
