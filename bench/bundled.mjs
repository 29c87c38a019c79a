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
// Our source bundled, dependencies imported from node_modules: as an app that installs arrears.
const bundle = (entryPoint, out) =>
  build({
    entryPoints: [entryPoint],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    outfile: out,
    packages: "external",
    logLevel: "warning",
  });
await bundle(entry, outfile);
// arrears/parallel starts its workers from parallel-worker.js beside the code that starts them.
await bundle("src/parallel/worker.ts", join(outdir, "parallel-worker.js"));
// The command line (bench/parallel.ts times `arrears decide --shard k/n` in separate processes).
await bundle("src/cli/index.ts", join(outdir, "cli.mjs"));
const r = spawnSync(process.execPath, [...process.execArgv, outfile, ...args], { stdio: "inherit" });
process.exit(r.status ?? 1);
