// Runs a bench script as the package ships: bundled by esbuild (tsup's bundler) without tsx's
// per-function name-keeping wrappers, which cost the hot path up to a third of its speed here.
//
//   node bench/bundled.mjs bench/run.ts [--quick]
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  console.error("usage: node bench/bundled.mjs <bench/script.ts> [args…]");
  process.exit(2);
}
const outdir = join(dirname(fileURLToPath(import.meta.url)), ".out");
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, basename(entry).replace(/\.ts$/, ".mjs"));
await build({
  entryPoints: [entry],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "es2022",
  outfile,
  packages: "bundle",
  // json-rules-engine and friends are CommonJS: give the ESM bundle a require for them.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: "warning",
});
const r = spawnSync(process.execPath, [...process.execArgv, outfile, ...args], { stdio: "inherit" });
process.exit(r.status ?? 1);
