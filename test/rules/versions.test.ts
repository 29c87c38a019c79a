// A published rule-file version is never edited in place (DEVELOPERS.md): every file's content
// must match the hash registered for its version.
import { describe, expect, it } from "vitest";
import { readRegistry, ruleFiles } from "./versions.js";

describe("published rule-file versions", () => {
  const registry = readRegistry();
  for (const { file, version, hash } of ruleFiles()) {
    it(`${file}@${version} is registered and unchanged`, () => {
      const known = registry[file]?.[version];
      expect(known, `${file}@${version} is not registered: run npm run rules:register`).toBeDefined();
      expect(hash, `${file}@${version} changed after it was published: give it a new version`).toBe(known);
    });
  }
});
