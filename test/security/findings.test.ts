// #10 items 4 and 7, checked against main after the 2.1.0 policies: no module-level cache grows
// with its input, and neither a far asOf nor an offer past 2^53 minor units makes a RangeError
// escape decide, decideMany or the offer helpers.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  decide,
  decideMany,
  isDecisionError,
  loadPolicy,
  planInstallments,
  routePolicies,
  shippedRuleFile,
} from "../../src/index.js";
import { account } from "../../src/testing/index.js";
import { BoundedCache } from "../../src/util/index.js";
import { thrownArrearsError as thrown } from "../helpers.js";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );
}

describe("item 4: caches are bounded and never keyed by unvalidated input", () => {
  it("a BoundedCache forgets at its size and never stores a long key", () => {
    const c = new BoundedCache<number>(3, 8);
    for (let i = 0; i < 10; i++) c.set(`k${i}`, i);
    expect(c.size).toBeLessThanOrEqual(3);
    c.set("x".repeat(1_000_000), 1);
    expect(c.get("x".repeat(1_000_000))).toBeUndefined();
  });

  it("every module-level Map in src is a constant table or keyed by a shipped id", () => {
    const allowed = new Set([
      // Keyed only after Object.hasOwn(SHIPPED_TABLE, id): at most one entry per shipped file.
      "src/messages/catalog.ts:loaded",
      "src/guardrails/profiles.ts:compiled",
    ]);
    const found: string[] = [];
    for (const file of sources("src")) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        // A ReadonlyMap is a constant table built once from shipped data.
        const m = /^(?:export )?(?:const|let) (\w+)([^=]*)= new Map\b/.exec(line);
        if (m && !m[2]!.includes("ReadonlyMap")) found.push(`${file}:${m[1]}`);
      }
    }
    expect(found.filter((f) => !allowed.has(f))).toEqual([]);
  });
});

describe("item 7: far dates and huge offers are ArrearsErrors, and a batch goes on", () => {
  const policies = (["us-default", "cn-default", "gb-default"] as const).map((id) =>
    loadPolicy(shippedRuleFile("policies", id)),
  );
  const router = routePolicies(policies);
  const acc = account().asOf("2026-11-23T10:00:00Z").timeZone("UTC").id("far").overdue(40).balance("100.00").build();

  it("asOf near year 9999 is INVALID_OPTIONS from decide under every shipped policy and the router", () => {
    for (const p of [...policies, router])
      for (const asOf of ["9999-12-18T10:00:00Z", "9999-12-31T23:59:59Z"])
        expect(thrown(() => decide(p, acc, { asOf })).code).toBe("INVALID_OPTIONS");
  });

  it("decideMany decides every account, whatever one of them holds", () => {
    const out = [
      ...decideMany(router, [{ id: "bad", dues: [{ dueDate: "9999-12-31" }] }, acc], { asOf: "2026-11-23T10:00:00Z" }),
    ];
    expect(out).toHaveLength(2);
    expect(isDecisionError(out[0]!)).toBe(true);
    expect(isDecisionError(out[1]!)).toBe(false);
  });

  it("an instalment plan whose totals pass 2^53 minor units is an ArrearsError", () => {
    const e = thrown(() =>
      planInstallments({
        amount: "900000000000",
        count: 360,
        firstDueDate: "2026-01-31",
        currency: "CLF",
        frequency: "monthly",
        rate: "10",
      } as never),
    );
    expect(e.code).not.toBe("INTERNAL");
  });
});
