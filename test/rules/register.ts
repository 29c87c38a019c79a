/** `npm run rules:register`: record new rule-file versions (refuses to overwrite a published one). */
import { writeFileSync } from "node:fs";
import { REGISTRY, readRegistry, ruleFiles } from "./versions.js";

const registry = readRegistry();
let added = 0;
for (const { file, version, hash } of ruleFiles()) {
  const known = (registry[file] ??= {});
  if (known[version] === undefined) {
    known[version] = hash;
    added++;
    console.log(`registered ${file}@${version}`);
  } else if (known[version] !== hash) {
    console.error(`${file}@${version} was published with other content: give it a new version`);
    process.exitCode = 1;
  }
}
const sorted = Object.fromEntries(
  Object.keys(registry)
    .sort()
    .map((k) => [k, registry[k]]),
);
writeFileSync(REGISTRY, JSON.stringify(sorted, null, 2) + "\n");
console.log(`${added} new version(s)`);
