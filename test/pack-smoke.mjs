// Packs the library as npm would publish it and imports the tarball from ESM and CJS,
// with only its declared dependencies beside it.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const dir = mkdtempSync(join(tmpdir(), "arrears-pack-"));
try {
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8" });
  const [{ filename, files }] = JSON.parse(out);
  const paths = files.map((f) => f.path);
  for (const bad of paths.filter((p) => /^(src|test|examples|bench)\//.test(p) || /\.csv$/.test(p)))
    throw new Error(`package must not ship ${bad}`);
  const modules = join(dir, "node_modules");
  mkdirSync(join(modules, "arrears"), { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, filename), "-C", join(modules, "arrears"), "--strip-components=1"]);
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const target = join(root, "node_modules", dep);
    const link = join(modules, dep);
    mkdirSync(join(link, ".."), { recursive: true });
    symlinkSync(target, link, "dir");
  }
  writeFileSync(
    join(dir, "esm.mjs"),
    `import * as a from "arrears"; import * as t from "arrears/testing";
if (typeof a.parseAccount !== "function" || typeof a.decide !== "function") throw new Error("esm exports missing");
console.log("esm ok", Object.keys(a).length, "exports;", Object.keys(t).length, "testing exports");`,
  );
  writeFileSync(
    join(dir, "cjs.cjs"),
    `const a = require("arrears"); const t = require("arrears/testing");
if (typeof a.parseAccount !== "function" || typeof a.decide !== "function") throw new Error("cjs exports missing");
console.log("cjs ok", Object.keys(a).length, "exports;", Object.keys(t).length, "testing exports");`,
  );
  console.log(execFileSync("node", ["esm.mjs"], { cwd: dir, encoding: "utf8" }).trim());
  console.log(execFileSync("node", ["cjs.cjs"], { cwd: dir, encoding: "utf8" }).trim());
  console.log(`packed ${paths.length} files`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
