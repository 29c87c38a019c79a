/**
 * The registry of published rule-file versions: for every file under rules/, each version ever
 * published and the SHA-256 of its content. A published version is never edited in place: a
 * changed file needs a new `version` (then `npm run rules:register` records it).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));
export const REGISTRY = fileURLToPath(new URL("./published-versions.json", import.meta.url));

export type Registry = Record<string, Record<string, string>>;

/** Every rule file (path relative to rules/) with its version and content hash. */
export function ruleFiles(): { file: string; version: string; hash: string }[] {
  const out: { file: string; version: string; hash: string }[] = [];
  for (const dir of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(RULES_DIR + dir.name)) {
      if (!f.endsWith(".json")) continue;
      const text = readFileSync(`${RULES_DIR}${dir.name}/${f}`, "utf8");
      const json = JSON.parse(text) as { version?: unknown };
      if (typeof json.version !== "string") continue; // e.g. JSON Schemas
      out.push({
        file: `${dir.name}/${f}`,
        version: json.version,
        hash: createHash("sha256").update(text).digest("hex"),
      });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

export function readRegistry(): Registry {
  return JSON.parse(readFileSync(REGISTRY, "utf8")) as Registry;
}
