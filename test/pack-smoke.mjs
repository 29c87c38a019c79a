// Packs arrears exactly as `npm publish` would (the prepack script rebuilds dist/), installs the
// tarball into a fresh app with only its declared dependencies beside it (linked from this repo's
// node_modules: no network), and checks what consumers get:
//   - tarball contents: entry points, rule files, LICENSE; no sources, tests, maps or data;
//     dist/ imports only declared dependencies; the browser entries reach no Node built-in and
//     no worker pool (only the CLI and arrears/parallel may);
//   - Node ESM import and CJS require of `arrears`, `arrears/testing` and `arrears/parallel` (a
//     worker thread deciding as decideMany does), and the rule files
//     (test/package/runtime.mjs, runtime.cjs);
//   - the dual-package hazard, expected to fail until src/ changes (test/package/dual-package.mjs,
//     enforced only with ARREARS_EXPECT_DUAL_PACKAGE_SAFE=1);
//   - TypeScript consumers (test/package/consumer.ts) under node16 (.mts and .cts), node10 and
//     bundler resolution, each with strict: true and skipLibCheck: false.
// Prints one line per check and a summary; exits non-zero on any failure.
//   node test/pack-smoke.mjs             ARREARS_PACK_SMOKE_KEEP=1 keeps the temporary app
import { execFile, execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..");
const fixtures = join(root, "test", "package");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const keep = process.env.ARREARS_PACK_SMOKE_KEEP === "1";
const expectDualSafe = process.env.ARREARS_EXPECT_DUAL_PACKAGE_SAFE === "1";
// Today ~760 kB: three ladders with ~150 embedded tests (whole accounts), ten more templates in
// three locales, JSON Schemas and the CLI. The source maps alone were ~500 kB (not shipped).
const MAX_PACKED_BYTES = 1024 * 1024;

const results = []; // { status: PASS | FAIL | XFAIL | XPASS, name, detail? }
function record(status, name, detail) {
  results.push({ status, name, detail });
  console.log(`${status.padEnd(5)} ${name}${detail ? `\n      ${detail.replaceAll("\n", "\n      ")}` : ""}`);
}
function check(name, fn) {
  try {
    const note = fn();
    record("PASS", note ? `${name} (${note})` : name);
  } catch (e) {
    record("FAIL", name, String(e?.message ?? e));
  }
}
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), "arrears-pack-"));
try {
  // 1. Pack. npm runs prepack (the build) first; its log goes to stdout, so the tarball is found
  // on disk rather than by parsing `npm pack --json`.
  const packStart = Date.now();
  try {
    execFileSync("npm", ["pack", "--pack-destination", tmp], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    record("FAIL", "npm pack", `${e.stdout ?? ""}${e.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n"));
    throw new Error("cannot continue without a tarball");
  }
  const tarball = join(
    tmp,
    readdirSync(tmp).find((f) => f.endsWith(".tgz")),
  );
  const packSeconds = ((Date.now() - packStart) / 1000).toFixed(1);

  const app = join(tmp, "app");
  const installed = join(app, "node_modules", "arrears");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
  const files = readdirSync(installed, { recursive: true })
    .filter((f) => statSync(join(installed, f)).isFile())
    .sort();
  const packed = statSync(tarball).size;
  const unpacked = files.reduce((n, f) => n + statSync(join(installed, f)).size, 0);
  const read = (f) => readFileSync(join(installed, f), "utf8");

  // 2. Tarball contents.
  check("prepack rebuilt dist/ during npm pack", () => {
    if (!/\bbuild\b/.test(pkg.scripts?.prepack ?? "")) throw new Error(`scripts.prepack is ${pkg.scripts?.prepack}`);
    const built = statSync(join(root, "dist", "index.js")).mtimeMs;
    if (built < packStart - 1000) throw new Error("dist/index.js is older than this npm pack: prepack did not build");
    return `${packSeconds} s`;
  });
  check("tarball ships the entry points, every rule file, README and LICENSE", () => {
    const want = ["package.json", "README.md", "LICENSE"];
    for (const entry of ["index", "schemas", "testing", "parallel"])
      for (const ext of [".js", ".cjs", ".d.ts", ".d.cts"]) want.push(`dist/${entry}${ext}`);
    want.push("dist/parallel-worker.js"); // loaded by arrears/parallel's workers (both builds)
    for (const f of readdirSync(join(root, "rules"), { recursive: true }))
      if (statSync(join(root, "rules", f)).isFile()) want.push(`rules/${f}`);
    const missing = want.filter((f) => !files.includes(f));
    if (missing.length) throw new Error(`missing: ${missing.join(", ")}`);
    return `${files.length} files`;
  });
  check("tarball ships no sources, tests, examples, source maps or data", () => {
    const bad = files.filter(
      (f) => /^(src|test|examples|bench|docs|coverage|node_modules)\//.test(f) || /\.(map|csv|tgz|ts\.snap)$/.test(f),
    );
    if (bad.length) throw new Error(`must not ship: ${bad.join(", ")}`);
    const withMapUrl = files.filter((f) => /\.[cm]?js$/.test(f) && read(f).includes("sourceMappingURL="));
    if (withMapUrl.length)
      throw new Error(`sourceMappingURL to a map that is not shipped in: ${withMapUrl.join(", ")}`);
  });
  check("every path in package.json (main, module, types, typesVersions, exports) is shipped", () => {
    const targets = [pkg.main, pkg.module, pkg.types];
    for (const map of Object.values(pkg.typesVersions ?? {}))
      for (const list of Object.values(map)) targets.push(...list);
    const walk = (v) => (typeof v === "string" ? targets.push(v) : Object.values(v ?? {}).forEach(walk));
    walk(pkg.exports);
    const missing = targets
      .map((t) => t.replace(/^\.\//, ""))
      .filter((t) =>
        t.includes("*") ? !files.some((f) => f.startsWith(t.slice(0, t.indexOf("*")))) : !files.includes(t),
      );
    if (missing.length) throw new Error(`not in the tarball: ${missing.join(", ")}`);
  });
  check("LICENSE matches package.json license; repository, homepage, bugs, author set", () => {
    const shipped = JSON.parse(read("package.json"));
    if (shipped.license !== "MIT" || !/^MIT License\b/.test(read("LICENSE"))) throw new Error("license mismatch");
    if (!read("LICENSE").includes("the arrears authors")) throw new Error("LICENSE lacks the copyright holder");
    for (const field of ["repository", "homepage", "bugs", "author"])
      if (!shipped[field]) throw new Error(`package.json lacks ${field}`);
  });
  // Every import of each dist/ file: [specifier, is it relative].
  const importsOf = (f) => {
    // Comments hold @example imports (vitest, arrears/rules/…), which are not dependencies.
    const code = read(f)
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "");
    // from "x", import "x", import("x"), require("x"): a computed specifier (tsup's
    // require("u" + "rl") for import.meta.url in CJS) is not a static import.
    return [
      ...code.matchAll(
        /\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']|\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g,
      ),
    ].map((m) => m[1] ?? m[2] ?? m[3]);
  };
  const builtins = new Set(builtinModules);
  const isBuiltin = (spec) => spec.startsWith("node:") || builtins.has(spec.split("/")[0]);
  check("dist/ imports only declared dependencies", () => {
    const declared = new Set(Object.keys(pkg.dependencies ?? {}));
    const bad = new Set();
    for (const f of files.filter((f) => f.startsWith("dist/") && /\.c?js$/.test(f)))
      for (const spec of importsOf(f)) {
        if (spec.startsWith(".") || isBuiltin(spec)) continue;
        const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
        if (!declared.has(name)) bad.add(`${f}: ${spec}`);
      }
    if (bad.size) throw new Error([...bad].join("\n"));
  });
  check("arrears, arrears/schemas, arrears/testing reach no Node built-in and no worker pool (browser-safe)", () => {
    // Only the CLI and arrears/parallel (with its worker) may: the files the browser entries
    // import, transitively, must not.
    const bad = new Set();
    let reached = 0;
    for (const entry of ["index", "schemas", "testing"])
      for (const ext of [".js", ".cjs"]) {
        const seen = new Set();
        const walk = (f) => {
          if (seen.has(f)) return;
          seen.add(f);
          for (const spec of importsOf(f)) {
            if (spec.startsWith(".")) walk(join("dist", spec).replaceAll("\\", "/"));
            else if (isBuiltin(spec) || spec === "tinypool") bad.add(`${f}: ${spec} (from dist/${entry}${ext})`);
          }
        };
        walk(`dist/${entry}${ext}`);
        reached += seen.size;
      }
    if (bad.size) throw new Error([...bad].join("\n"));
    return `${reached} files walked`;
  });
  check(`tarball size ≤ ${kB(MAX_PACKED_BYTES)}`, () => {
    if (packed > MAX_PACKED_BYTES) throw new Error(`${kB(packed)} packed`);
    return `${kB(packed)} packed, ${kB(unpacked)} unpacked`;
  });

  // 3. The fresh app: the tarball plus links to its declared dependencies, nothing else.
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const link = join(app, "node_modules", dep);
    mkdirSync(join(link, ".."), { recursive: true });
    symlinkSync(join(root, "node_modules", dep), link, "dir");
  }
  writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "consumer", private: true }, null, 2)}\n`);
  for (const f of readdirSync(fixtures)) copyFileSync(join(fixtures, f), join(app, f));
  for (const name of ["consumer.mts", "consumer.cts", "consumer-node10.ts", "consumer-bundler.ts"])
    copyFileSync(join(fixtures, "consumer.ts"), join(app, name));

  // 4. Node runtimes and TypeScript consumers, in parallel.
  const node = (script, env = {}) =>
    run(process.execPath, [script], { cwd: app, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }).then(
      ({ stdout }) => ({ script, stdout, code: 0 }),
      (e) => ({ script, stdout: e.stdout ?? "", stderr: e.stderr ?? String(e), code: e.code ?? 1 }),
    );
  const typecheck = (profile) =>
    run(process.execPath, [tsc, "-p", `tsconfig.${profile}.json`], { cwd: app, maxBuffer: 16 * 1024 * 1024 }).then(
      () => ({ profile, ok: true }),
      (e) => ({ profile, ok: false, out: `${e.stdout ?? ""}${e.stderr ?? ""}`.trim() || String(e) }),
    );
  const tsProfiles = {
    node16: "tsc: node16 consumers (.mts ESM, .cts CJS), strict, skipLibCheck false",
    node10: "tsc: node10 consumer (module commonjs), strict, skipLibCheck false",
    bundler: "tsc: bundler consumer (module esnext), strict, skipLibCheck false",
  };
  const [runs, checks] = await Promise.all([
    Promise.all([
      node("runtime.mjs"),
      node("runtime.cjs"),
      node("dual-package.mjs", { ARREARS_EXPECT_DUAL_PACKAGE_SAFE: expectDualSafe ? "1" : "0" }),
    ]),
    Promise.all(Object.keys(tsProfiles).map(typecheck)),
  ]);
  for (const r of runs) {
    const lines = r.stdout.split("\n").filter((l) => /^(PASS|FAIL|XFAIL|XPASS) /.test(l));
    for (const line of lines) {
      const [, status, rest] = /^(\S+) (.*)$/.exec(line);
      const [name, detail] = rest.split(" :: ");
      record(status, name, detail);
    }
    const reportedFailure = lines.some((l) => l.startsWith("FAIL "));
    if (r.code !== 0 && !reportedFailure)
      record("FAIL", `node ${r.script} crashed`, (r.stderr || r.stdout).trim().split("\n").slice(0, 12).join("\n"));
    if (r.code === 0 && lines.length === 0) record("FAIL", `node ${r.script} reported no checks`);
  }
  for (const c of checks) {
    if (c.ok) record("PASS", tsProfiles[c.profile]);
    else {
      const out = c.out
        .replaceAll(`${app}/`, "")
        .split("\n")
        .map((l) => l.replace(/^(?:\.\.\/)+/, ""));
      record("FAIL", tsProfiles[c.profile], out.slice(0, 15).join("\n") + (out.length > 15 ? "\n…" : ""));
    }
  }
} catch (e) {
  if (!results.some((r) => r.status === "FAIL")) record("FAIL", "pack smoke test", String(e?.stack ?? e));
} finally {
  if (keep) console.log(`kept ${relative(process.cwd(), tmp) || tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

const count = (s) => results.filter((r) => r.status === s).length;
const failures = count("FAIL");
console.log(
  `\npack smoke: ${count("PASS")} passed, ${count("FAIL")} failed` +
    (count("XFAIL") ? `, ${count("XFAIL")} known dual-package failures (XFAIL)` : "") +
    (count("XPASS") ? `, ${count("XPASS")} unexpectedly passed (XPASS: set ARREARS_EXPECT_DUAL_PACKAGE_SAFE=1)` : "") +
    ` in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exitCode = failures ? 1 : 0;
