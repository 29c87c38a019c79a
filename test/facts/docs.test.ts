import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderFactsDoc } from "../../docs/gen-facts.js";
import { FACTS } from "../../src/index.js";

describe("docs/facts.md", () => {
  it("is up to date with the catalogue (regenerate: npx tsx docs/gen-facts.ts)", () => {
    const onDisk = readFileSync(new URL("../../docs/facts.md", import.meta.url), "utf8");
    expect(onDisk).toBe(renderFactsDoc());
  });

  it("documents every fact once, with a description", () => {
    const doc = renderFactsDoc();
    for (const d of FACTS) {
      expect(doc.split(`| \`${d.name}\` |`).length - 1, d.name).toBe(1);
      expect(d.description.length, d.name).toBeGreaterThan(5);
    }
    expect(new Set(FACTS.map((d) => d.name)).size).toBe(FACTS.length);
  });
});
