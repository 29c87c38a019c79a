import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  complianceRows,
  PROFILES,
  profileRules,
  renderComplianceDoc,
  UNTESTED_OK,
  workedCases,
} from "../../docs/gen-compliance.js";

describe("docs/compliance.md", () => {
  it("is up to date with the profiles and the worked cases (regenerate: npx tsx docs/gen-compliance.ts)", () => {
    const onDisk = readFileSync(new URL("../../docs/compliance.md", import.meta.url), "utf8");
    expect(onDisk).toBe(renderComplianceDoc());
  });

  it.each(PROFILES)("every rule of %s has a worked case (or a justified entry in UNTESTED_OK)", (id) => {
    const missing = complianceRows(id)
      .filter((r) => r.tests.length === 0 && !UNTESTED_OK[`${id}:${r.id}`])
      .map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it.each(PROFILES)("every worked case of %s names, in brackets, only rules of the profile", (id) => {
    const known = new Set(profileRules(id).map((r) => r.id));
    const cases = workedCases(id);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c.ids.length, c.name).toBeGreaterThan(0);
      for (const rule of c.ids) expect(known.has(rule), `${c.name}: ${rule}`).toBe(true);
    }
  });

  it("UNTESTED_OK names only rules that exist and still lack a case", () => {
    for (const key of Object.keys(UNTESTED_OK)) {
      const [id, rule] = key.split(":") as [string, string];
      const row = complianceRows(id).find((r) => r.id === rule);
      expect(row, key).toBeDefined();
      expect(row!.tests, key).toEqual([]);
    }
  });
});
