// Runs every numbered example and the demo in-process (each exports main(log)) and checks a key
// line of output, so the examples never rot.
import { describe, expect, it } from "vitest";

async function run(path: string, ...args: unknown[]): Promise<string[]> {
  const mod = (await import(path)) as { main: (log: (l: string) => void, ...rest: unknown[]) => void };
  const lines: string[] = [];
  mod.main((l) => lines.push(l), ...args);
  return lines;
}

describe("examples", () => {
  it("08-every-core: a pool's JSON Lines blocks, kept or lent, are one thread's bytes", async () => {
    const mod = await import("../../examples/08-every-core.js");
    const out: string[] = [];
    await mod.main((l) => out.push(l), 2, 1001); // the sample's first invalid account is the 1001st
    expect(out[0]).toBe("writeJsonLines: 1001 accounts, 1 error entries");
    expect(out[1]).toMatch(/^2 threads: 1001 accounts → 16 blocks, \d+ bytes of JSON Lines$/);
    expect(out[2]).toBe("one thread writes the same bytes (both ways): yes");
    expect(out[3]).toBe("error entries (invalid accounts, kept in input order): 1");
  });

  it("01-one-decision explains one decision", async () => {
    const out = await run("../../examples/01-one-decision.js");
    expect(out).toContain(
      "account CN-000045 at 2026-11-23T10:00:00+08:00 (policy cn-default@" + out[0]!.split("cn-default@")[1],
    );
    // A Shanghai account is decided under the Chinese policy: M buckets, not US cycles.
    expect(out.some((l) => /^dpd 45 \(M2\), overdue 2135\.20 CNY/.test(l))).toBe(true);
    expect(out).toContain("action: call_borrower via call (rule call-first), earliest 2026-11-23T02:00:00.000Z");
    // The statutory credit-report notice and the first formal letter go beside the call.
    expect(out).toContain("  alongside: send_credit_report_notice via letter (rule credit-report-notice)");
    expect(out).toContain("  alongside: send_formal_letter via letter (rule first-formal-letter)");
  });

  it("02-custom-policy shows the self-cure window and a load error with its path", async () => {
    const out = await run("../../examples/02-custom-policy.js");
    expect(out.find((l) => l.startsWith("dpd  8"))).toMatch(/self-cure-10 → send_sms_reminder$/);
    expect(out.find((l) => l.startsWith("dpd 15"))).toMatch(/self-cure-10 → call_borrower$/);
    expect(out).toContain("rejected: INVALID_POLICY at rules.0.conditions.all.0.operator");
  });

  it("03-policy-unit-tests passes its cases and the embedded tests", async () => {
    const out = await run("../../examples/03-policy-unit-tests.js");
    expect(out).toContain("cases: 6/6 passed");
    expect(out.at(-1)).toMatch(/^embedded tests of us-default: (\d+)\/\1 passed$/);
  });

  it("04-portfolio-report-from-csv reports the bad row and summarises the rest", async () => {
    const out = await run("../../examples/04-portfolio-report-from-csv.js");
    expect(out[0]).toMatch(/^row 22 \(CN-2011\): .*currency/);
    expect(out).toContain("decided 20 accounts, 1 error(s)");
    expect(out.some((l) => l.startsWith("exposure CNY: overdue 63100.00,"))).toBe(true);
  });

  it("06-own-template-and-scorecard decides with the bank's SMS and card, and rejects a misspelt id at load", async () => {
    const out = await run("../../examples/06-own-template-and-scorecard.js");
    expect(out[0]).toBe("policy acme-cn@1.0.0: send_sms_reminder via sms (template acme-sms)");
    // The bank's card (odds 12:1 at the base score, not 9:1) gives a lower default probability.
    const [, acme, shipped] = /^risk: ACME card ([\d.]+) vs shipped card ([\d.]+)$/.exec(out[1]!)!;
    expect(Number(acme)).toBeLessThan(Number(shipped));
    expect(out[2]).toMatch(/^sms: 【ACME消费金融】李娜您好，您的账户（\*+E7）已逾期20天，逾期金额¥\d+\.\d{2}，/);
    expect(out[3]).toMatch(
      /^rejected: actions\.send_sms_reminder\.template: unknown template; did you mean "acme-sms"\?/,
    );
  });

  it("05-champion-challenger splits about 80/20 and compares", async () => {
    const out = await run("../../examples/05-champion-challenger.js", 400);
    const champ = out.find((l) => l.startsWith("champion:"))!;
    const share = Number(/\(([\d.]+)%\)/.exec(champ)![1]);
    expect(share).toBeGreaterThan(72);
    expect(share).toBeLessThan(88);
    expect(out.some((l) => /^challenger changes \d+ of 400 decisions/.test(l))).toBe(true);
    // The experiment's results: both arms, their lifts with intervals, and a sample size.
    expect(out).toContain("experiment self-cure-q4: control champion, 95% intervals, amounts in USD");
    expect(out.find((l) => l.startsWith("  cure rate: "))).toMatch(
      /lift [+−][\d.]+ points \([+−][\d.]+ to [+−][\d.]+\), p [\d.]+/,
    );
    expect(out.at(-1)).toMatch(/^to see \+6 points of cure rate at 80\/20 \(5 %, power 80 %\): \d+ accounts/);
  });

  it("07-fit-your-own-scorecard fits, explains, checks, monitors and recalibrates a card on the UCI sample", async () => {
    const out = await run("../../examples/07-fit-your-own-scorecard.js");
    expect(out[0]).toBe("fitted my-risk on 1666 clients: 6 characteristics");
    expect(out[1]).toMatch(/^ {2}statusLast3 +IV 1\.\d{3} {2}\d bins$/);
    expect(out.find((l) => l.startsWith("  reasons: "))).toMatch(/^ {2}reasons: U\d\d .+ \(−\d+\)/);
    const auc = Number(/^later 834 clients: AUC ([\d.]+),/.exec(out.find((l) => l.startsWith("later "))!)![1]);
    expect(auc).toBeGreaterThan(0.75);
    expect(out).toContain("stability of my-risk@1.0.0: STABLE (stable < 0.1 ≤ watch ≤ 0.25 < shift)");
    expect(out.find((l) => l.startsWith("stressed population: "))).toMatch(/unpaidToLimit CSI [\d.]+ \(shift\)/);
    const [, after, observed] = /→ ([\d.]+)% \(observed ([\d.]+)%\)$/.exec(out.at(-1)!)!;
    expect(Math.abs(Number(after) - Number(observed))).toBeLessThan(1);
  });

  it("demo decides the sample portfolio", async () => {
    const out = await run("../../examples/demo.js");
    expect(out[1]).toMatch(/^decided 3000, not applicable \d+, invalid 3 /);
    // Every account is decided under the policy of its own jurisdiction.
    expect(out.some((l) => /^== cn-default@[\d.]+: \d+ accounts \(CN\)$/.test(l))).toBe(true);
    expect(out.some((l) => /^== us-default@[\d.]+: \d+ accounts \((US-[A-Z]{2} ?)+\)$/.test(l))).toBe(true);
    expect(out).toContain("Work queue (contact actions): top 5 by priority");
    // It fits a 100-column terminal: actions are rows, buckets columns, with the totals of both.
    expect(Math.max(...out.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(out).toContain("Accounts by action × bucket");
    expect(out.filter((l) => l.startsWith("total ")).length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe("sample portfolio", () => {
  it("the committed file is exactly what the seeded generator writes", async () => {
    const { generatePortfolio } = (await import("../../examples/generate-portfolio.js")) as {
      generatePortfolio: () => unknown[];
    };
    const { readFileSync } = await import("node:fs");
    const file = readFileSync(new URL("../../examples/data/sample-portfolio.json", import.meta.url), "utf8");
    const accounts = generatePortfolio();
    expect(file).toBe("[\n" + accounts.map((a) => JSON.stringify(a)).join(",\n") + "\n]\n");
    expect(accounts).toHaveLength(3003);
  }, 30_000);
});
