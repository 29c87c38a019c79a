// Runs a bench script as the package ships: bundled by esbuild (tsup's bundler) without tsx's
// per-function name-keeping wrappers, which made the same decisions up to a third slower and
// the runs far noisier here. The worker of arrears/parallel is bundled beside it, as in dist/.
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
  // Our source bundled, dependencies imported from node_modules: as an app that installs arrears.
  packages: "external",
  logLevel: "warning",
});
// arrears/parallel starts its workers from parallel-worker.js beside the code that starts them.
await build({
  entryPoints: ["src/parallel/worker.ts"],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "es2022",
  outfile: join(outdir, "parallel-worker.js"),
  packages: "external",
  logLevel: "warning",
});
// The command line (bench/parallel.ts times `arrears decide --shard k/n` in separate processes).
await build({
  entryPoints: ["src/cli/index.ts"],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "es2022",
  outfile: join(outdir, "cli.mjs"),
  packages: "external",
  loader: { ".json": "json" },
  logLevel: "warning",
});
const r = spawnSync(process.execPath, [...process.execArgv, outfile, ...args], { stdio: "inherit" });
process.exit(r.status ?? 1);
