// The real executable, as a user runs it from the repository: `node --import tsx src/cli/index.ts`.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { file, SAMPLE, SAMPLE_AS_OF } from "./helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const arrears = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/index.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    ...(input === undefined ? {} : { input }),
    timeout: 60_000,
  });

describe("arrears as a process", () => {
  it("check: exit 0 and the report on stdout", () => {
    const r = arrears(["check", "cn-default"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^policy cn-default@\S+: valid\n/);
    expect(r.stdout).toMatch(/— ok\n$/);
  }, 60_000);

  it("decide from standard input: JSON Lines out, the summary on stderr, exit 3 for a bad account", () => {
    const input = `${JSON.stringify(SAMPLE[0])}\n${JSON.stringify({ id: "X", product: "loan" })}\n`;
    const r = arrears(["decide", "us-default", "-", "--as-of", SAMPLE_AS_OF], input);
    expect(r.status).toBe(3);
    const [first, second] = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first.accountId).toBe(SAMPLE[0]!.id);
    expect(second).toMatchObject({ accountId: "X", index: 1, line: 2, error: { code: "INVALID_ACCOUNT" } });
    expect(r.stderr).toMatch(/^arrears: decided 2 accounts, 1 error\(s\)/);
    expect(arrears(["decide", "us-default", "-"], "").status).toBe(2);
  }, 60_000);

  it("decide --shard in two processes at once: the outputs interleaved are one process's output", async () => {
    const path = file(
      "spawn-shard.jsonl",
      `${SAMPLE.slice(0, 9)
        .map((a) => JSON.stringify(a))
        .join("\n")}\n{oops\n`,
    );
    const args = ["decide", "us-default", path, "--as-of", SAMPLE_AS_OF, "--quiet", "--no-render"];
    const run = (extra: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", ...args, ...extra], {
          cwd: root,
        });
        let out = "";
        child.stdout.on("data", (b: Buffer) => {
          out += b.toString();
        });
        child.on("close", (code) => resolve({ code, out }));
      });
    const [one, s0, s1] = await Promise.all([run([]), run(["--shard", "0/2"]), run(["--shard", "1/2"])]);
    expect(one.code).toBe(3); // the unreadable line
    const [a, b] = [s0, s1].map((r) => r.out.trimEnd().split("\n"));
    expect(a).toHaveLength(5);
    expect(b).toHaveLength(5);
    const merged = a!.flatMap((l, i) => (i < b!.length ? [l, b![i]!] : [l]));
    expect(`${merged.join("\n")}\n`).toBe(one.out);
    expect([s0.code, s1.code].sort()).toEqual([0, 3]);
  }, 60_000);
});
