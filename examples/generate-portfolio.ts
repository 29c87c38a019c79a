/**
 * Generates examples/data/sample-portfolio.json: ~3,000 realistic accounts in three
 * jurisdictions (China in CNY, US states in USD, UK nations in GBP), every bucket from current to
 * 180+ and a few debts past their limitation period, installment and revolving, hardships, holds
 * opened and closed by dated events (disputes and verification, cease requests, complaints,
 * breathing spaces), opt-outs, contact histories and promises, for `npm run demo` and the
 * examples. A few rows carry no jurisdiction, as real feeds do: no policy decides them.
 *
 * Deterministic: a seeded PRNG (mulberry32) lives in this script, never in src/. Re-running it
 * rewrites the same bytes. Three deliberately invalid rows (a typo'd field, a bad date, a missing
 * currency) show how a batch reports bad input and carries on.
 *
 *   npx tsx examples/generate-portfolio.ts [count] [seed]
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ContactOutcome } from "../src/index.js";
import { type AccountBuilder, account } from "../src/testing/index.js";

/** Evaluation instant the sample is built around (09:30 Shanghai, 20:30 the evening before in New York). */
export const SAMPLE_AS_OF = "2026-11-23T01:30:00Z";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatePortfolio(count = 3000, seed = 20261123): unknown[] {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    let u = rnd() * pairs.reduce((s, p) => s + p[1], 0);
    for (const [v, w] of pairs) if ((u -= w) < 0) return v;
    return pairs[pairs.length - 1]![0];
  };
  const money = (lo: number, hi: number, step = 1): string =>
    (Math.round((lo + rnd() * (hi - lo)) / step) * step).toFixed(2);

  // DPD ranges roughly like a consumer-lending book: most current, a long thin tail.
  const dpdBands = [
    [[0, 0], 34],
    [[1, 29], 20],
    [[30, 59], 12],
    [[60, 89], 9],
    [[90, 119], 7],
    [[120, 149], 5],
    [[150, 179], 4],
    [[180, 420], 9],
  ] as const;
  const usZones = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Phoenix",
    "Pacific/Honolulu",
  ];
  const usStates: Record<string, string> = {
    "America/New_York": "US-NY",
    "America/Chicago": "US-IL",
    "America/Denver": "US-CO",
    "America/Los_Angeles": "US-CA",
    "America/Phoenix": "US-AZ",
    "Pacific/Honolulu": "US-HI",
  };
  const cnZones = ["Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Urumqi"];
  const gbFirst = ["Oliver", "Amelia", "Harry", "Isla", "Jack", "Ava", "Mohammed", "Priya", "Callum", "Siân"];
  const gbLast = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Patel", "Evans", "Campbell", "Khan"];
  const surnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao"];
  const given = ["Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Tao", "Na"];
  const usFirst = ["James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "Carlos", "Aisha"];
  const usLast = ["Smith", "Johnson", "Garcia", "Brown", "Miller", "Davis", "Lopez", "Wilson", "Nguyen", "Clark"];
  const failed: ContactOutcome[] = ["no_answer", "no_answer", "no_answer", "voicemail", "busy", "wrong_number"];

  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const region = weighted([
      ["CN", 45],
      ["US", 40],
      ["GB", 15],
    ] as const);
    const cn = region === "CN";
    const gb = region === "GB";
    const currency = cn ? "CNY" : gb ? "GBP" : "USD";
    const revolving = chance(0.3);
    // A few US debts are years old: past the state's limitation period.
    const [lo, hi] =
      region === "US" && chance(0.015) ? ([1500, 2600] as const) : weighted<readonly [number, number]>(dpdBands);
    const dpd = int(lo, hi);
    const id = `${region}-${String(100000 + i)}`;
    const installment = cn ? money(300, 3000, 10) : gb ? money(40, 600, 5) : money(50, 800, 5);
    const remainingDues = int(2, 30);
    const zone = cn ? pick(cnZones) : gb ? "Europe/London" : pick(usZones);
    const jurisdiction = cn
      ? "CN"
      : gb
        ? weighted([
            ["GB-ENG", 8],
            ["GB-SCT", 1],
            ["GB-WLS", 1],
          ] as const)
        : zone === "America/New_York" && chance(0.25)
          ? "US-MA"
          : usStates[zone]!;
    let b: AccountBuilder = account()
      .asOf(SAMPLE_AS_OF)
      .id(id)
      .product(revolving ? "revolving" : "installment")
      .currency(currency)
      .jurisdiction(chance(0.002) ? null : jurisdiction)
      .timeZone(zone)
      .locale(cn ? "zh-CN" : gb ? "en-GB" : "en-US")
      .name(
        cn
          ? `${pick(surnames)} ${pick(given)}`
          : gb
            ? `${pick(gbFirst)} ${pick(gbLast)}`
            : `${pick(usFirst)} ${pick(usLast)}`,
      );

    const unpaid = dpd === 0 ? 0 : Math.floor(dpd / 30) + 1;
    const principal = (Number(installment) * (unpaid + remainingDues) * 0.9).toFixed(2);
    const late = dpd > 0;
    b = b.balance({
      principal,
      interest: (Number(installment) * 0.1 * Math.max(1, unpaid)).toFixed(2),
      penaltyInterest: late ? (Number(installment) * 0.02 * unpaid).toFixed(2) : "0.00",
      fees: late ? (cn ? "0.00" : (Math.min(unpaid, 6) * (gb ? 12 : 25)).toFixed(2)) : "0.00",
    });
    if (revolving) b = b.creditLimit((Number(principal) * 1.5).toFixed(0) + ".00");

    if (chance(0.1)) {
      // A core-system snapshot instead of the schedule.
      const hist = Array.from({ length: 12 }, (_, k) => Math.max(0, Math.min(12, Math.floor(dpd / 30) + 1 - k)));
      b = b.snapshot({ dpd, overdue: (Number(installment) * Math.max(unpaid, 0)).toFixed(2), cycleHistory: hist });
    } else {
      b = b.overdue(dpd, { amount: installment, history: int(3, 11) });
      // Partial payment on a late account (not enough to cure the oldest due).
      if (late && chance(0.2))
        b = b.payment({ amount: (Number(installment) * 0.3).toFixed(2), daysAgo: int(1, Math.min(dpd, 25)) });
    }

    if (chance(0.8))
      b = b.income(
        cn ? money(4000, 30000, 100) : gb ? money(1400, 5000, 50) : money(1800, 9000, 50),
        chance(0.5) ? (cn ? money(500, 5000, 100) : gb ? money(150, 1500, 50) : money(200, 2500, 50)) : undefined,
      );

    // Holds, opened (and some closed) by dated events as a servicing system records them.
    if (late && chance(0.025)) {
      const received = int(1, 90);
      b = b.event("dispute_received", received);
      if (chance(0.4)) b = b.event("verification_sent", int(0, received - 1));
    }
    if (chance(0.005)) b = b.event("bankruptcy_filed", int(1, 200), region === "US" ? { chapter: "7" } : {});
    if (chance(0.003)) b = b.event("deceased_reported", int(1, 60));
    if (chance(0.01)) b = b.event("cease_requested", int(1, 120));
    if (chance(0.02)) b = b.event("vulnerability_reported", int(1, 200));
    if (chance(0.012)) {
      const opened = int(1, 90);
      b = b.event("complaint_opened", opened);
      if (chance(0.5)) b = b.event("complaint_resolved", int(0, opened - 1));
    }
    if (chance(0.005)) b = b.flag("legalHold");
    if (gb && late && chance(0.04)) b = b.event("breathing_space_started", int(1, 90), { kind: "standard" });
    if (gb && late && chance(0.006)) b = b.event("breathing_space_started", int(1, 120), { kind: "mental_health" });
    if (gb && late && chance(0.05)) b = b.event("debt_advice_engaged", int(1, 60));
    if (region === "US" && chance(0.006)) b = b.event("attorney_retained", int(1, 60));
    if (region === "US" && dpd >= 90 && chance(0.3))
      b = b.event("servicemember_checked", int(1, 60), { active: chance(0.03) });
    if (late && chance(0.07))
      b = b.hardship(
        pick(["medical", "unemployment", "income_drop", "disaster", "bereavement", "other"] as const),
        int(0, 40),
      );
    if (chance(0.08)) b = b.optOut("sms");
    if (chance(0.04)) b = b.optOut("email");
    if (chance(0.015)) b = b.optOut("call");

    // Contact history, heavier the later the account.
    if (late) {
      const intensity = Math.min(1, dpd / 60);
      const older = int(0, Math.round(2 + 6 * intensity));
      for (let k = 0; k < older; k++)
        b = b.contact({
          daysAgo: int(8, 60),
          minutesAgo: int(0, 600),
          channel: weighted([
            ["call", 6],
            ["sms", 3],
            ["email", 1],
          ] as const),
          outcome: pick(failed),
        });
      const recentCalls = weighted([
        [0, 3],
        [1, 2],
        [2, 2],
        [3, 2],
        [5, 1],
        [7, 1],
      ] as const);
      for (let k = 0; k < recentCalls; k++)
        b = b.contact({ daysAgo: int(1, 6), minutesAgo: int(0, 480), channel: "call", outcome: pick(failed) });
      if (chance(0.5)) b = b.calls(int(1, 3), { outcome: "no_answer", daysAgo: 0 });
      if (chance(0.35))
        b = b.contact({ daysAgo: int(2, 30), channel: "sms", outcome: "delivered", purpose: "reminder" });
      if (chance(0.25))
        b = b.contact({ daysAgo: int(1, 20), minutesAgo: int(0, 300), channel: "call", outcome: "right_party" });
      if (chance(0.15)) {
        // A promise: active (due ahead), or past due (kept if a payment follows, else broken).
        const madeAgo = int(1, 20);
        const dueIn = int(-madeAgo + 1, 10);
        const amount = installment;
        b = b.promise({ amount, daysAgo: madeAgo, dueInDays: dueIn });
        if (dueIn < 0 && chance(0.4)) b = b.payment({ amount, daysAgo: -dueIn });
      }
    } else if (chance(0.15)) {
      b = b.contact({ daysAgo: int(1, 10), channel: "sms", outcome: "delivered", purpose: "reminder" });
    }
    out.push(b.build());
  }

  // Three broken rows, as real feeds have.
  const bad1 = { ...(out[7] as Record<string, unknown>), id: "BAD-TYPO", ballance: { principal: "10.00" } };
  const bad2 = { ...(out[8] as Record<string, unknown>), id: "BAD-DATE", openedOn: "2026-02-30" };
  const bad3: Record<string, unknown> = { ...(out[9] as Record<string, unknown>), id: "BAD-CURRENCY" };
  delete bad3.currency;
  out.splice(Math.floor(count / 3), 0, bad1);
  out.splice(Math.floor(count / 2), 0, bad2);
  out.splice(Math.floor((2 * count) / 3), 0, bad3);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = Number(process.argv[2] ?? 3000);
  const seed = Number(process.argv[3] ?? 20261123);
  const accounts = generatePortfolio(count, seed);
  const file = fileURLToPath(new URL("./data/sample-portfolio.json", import.meta.url));
  // One account per line: diff-friendly and still one JSON array.
  writeFileSync(file, "[\n" + accounts.map((a) => JSON.stringify(a)).join(",\n") + "\n]\n");
  console.log(`wrote ${accounts.length} accounts to ${file}`);
}
