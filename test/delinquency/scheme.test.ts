import { describe, expect, it } from "vitest";
import cnFive from "../../rules/buckets/cn-five-category.json";
import cnM from "../../rules/buckets/cn-m.json";
import usCycle from "../../rules/buckets/us-cycle.json";
import {
  BUCKET_SCHEMES,
  bucketFor,
  isBucketScheme,
  loadBucketScheme,
  testBucketScheme,
} from "../../src/delinquency/index.js";
// Area entry points (re-exported unchanged by src/index.ts), so these tests do not depend on other areas.
import { formatPath } from "../../src/errors/index.js";
import { thrownArrearsError as thrown } from "../helpers.js";

const files = { "cn-m": cnM, "us-cycle": usCycle, "cn-five-category": cnFive } as const;

describe("shipped bucket schemes", () => {
  for (const [id, json] of Object.entries(files)) {
    it(`${id}: file loads, id matches, carries metadata and embedded tests pass`, () => {
      const s = loadBucketScheme(json);
      expect(s.id).toBe(id);
      expect(json.schemaVersion).toBe(1);
      expect(s.version).toMatch(/\d/);
      expect(s.source.length).toBeGreaterThan(10);
      expect(s.tests.length).toBeGreaterThan(10);
      const results = testBucketScheme(s);
      expect(results.filter((r) => !r.passed)).toEqual([]);
      expect(results).toHaveLength(json.tests.length);
      expect(BUCKET_SCHEMES[id as keyof typeof BUCKET_SCHEMES].labels).toEqual(s.labels);
    });
  }

  const table: [number, string, string, string][] = [
    // dpd, cn-m, us-cycle, cn-five-category
    [0, "M0", "current", "正常"],
    [1, "M1", "1-29", "关注"],
    [29, "M1", "1-29", "关注"],
    [30, "M1", "30-59", "关注"],
    [31, "M2", "30-59", "关注"],
    [60, "M2", "60-89", "关注"],
    [90, "M3", "90-119", "关注"],
    [91, "M4", "90-119", "次级"],
    [120, "M4", "120-149", "次级"],
    [121, "M5", "120-149", "可疑"],
    [180, "M6", "180+", "可疑"],
    [181, "M7+", "180+", "损失"],
    [5000, "M7+", "180+", "损失"],
  ];
  it.each(table)("dpd %i → %s / %s / %s", (dpd, m, us, five) => {
    expect(bucketFor("cn-m", dpd).bucket).toBe(m);
    expect(bucketFor(BUCKET_SCHEMES["us-cycle"], dpd).bucket).toBe(us);
    expect(bucketFor(cnFive as never, dpd).bucket).toBe(five);
  });

  it("bucketIndex is the range position", () => {
    expect(bucketFor("cn-m", 0).bucketIndex).toBe(0);
    expect(bucketFor("cn-m", 61).bucketIndex).toBe(3);
    expect(bucketFor("cn-m", 181).bucketIndex).toBe(7);
    expect(bucketFor("cn-five-category", 100).bucketIndex).toBe(2);
  });

  it("five-category labels carry English too", () => {
    expect(BUCKET_SCHEMES["cn-five-category"].ranges.map((r) => r.labelEn)).toEqual([
      "normal",
      "special mention",
      "substandard",
      "doubtful",
      "loss",
    ]);
  });

  it("us-cycle charge-off: 120 days closed-end, 180 days revolving, never without a product", () => {
    expect(bucketFor("us-cycle", 119, "installment").chargeOffDue).toBe(false);
    expect(bucketFor("us-cycle", 120, "installment").chargeOffDue).toBe(true);
    expect(bucketFor("us-cycle", 179, "revolving").chargeOffDue).toBe(false);
    expect(bucketFor("us-cycle", 180, "revolving").chargeOffDue).toBe(true);
    expect(bucketFor("us-cycle", 400).chargeOffDue).toBe(false);
    expect(bucketFor("cn-m", 400, "installment").chargeOffDue).toBe(false);
  });

  it("rejects a bad dpd, product or scheme id", () => {
    expect(thrown(() => bucketFor("cn-m", -1)).code).toBe("INVALID_INPUT");
    expect(thrown(() => bucketFor("cn-m", 1.5)).issues[0]!.path).toEqual(["dpd"]);
    expect(thrown(() => bucketFor("cn-m", Number.NaN)).code).toBe("INVALID_INPUT");
    expect(thrown(() => bucketFor("cn-m", 3, "mortgage" as never)).issues[0]!.path).toEqual(["product"]);
    const e = thrown(() => bucketFor("nope" as never, 3));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain("cn-m");
  });
});

const good = () => ({
  schemaVersion: 1,
  id: "house",
  version: "1",
  description: "House buckets",
  source: "house rule",
  ranges: [
    { label: "current", min: 0, max: 0 },
    { label: "early", min: 1, max: 30 },
    { label: "late", min: 31, max: 90 },
    { label: "severe", min: 91 },
  ],
  tests: [{ name: "edge", dpd: 31, expect: { bucket: "late", bucketIndex: 2 } }],
});

describe("loadBucketScheme", () => {
  it("compiles a custom scheme, caches it, and returns compiled schemes as-is", () => {
    const json = good();
    const s = loadBucketScheme(json);
    expect(isBucketScheme(s)).toBe(true);
    expect(isBucketScheme(json)).toBe(false);
    expect(loadBucketScheme(json)).toBe(s);
    expect(loadBucketScheme(s)).toBe(s);
    expect(Object.isFrozen(s.ranges)).toBe(true);
    expect(bucketFor(s, 90)).toEqual({ bucket: "late", bucketIndex: 2, chargeOffDue: false });
    expect(bucketFor(json as never, 91).bucket).toBe("severe");
    expect(testBucketScheme(s)).toEqual([{ name: "edge", passed: true, failures: [] }]);
  });

  it("reports failing embedded tests without throwing", () => {
    const json = good();
    json.tests = [{ name: "wrong", dpd: 30, expect: { bucket: "late", bucketIndex: 2 } }];
    const [r] = testBucketScheme(json as never);
    expect(r!.passed).toBe(false);
    expect(r!.failures).toEqual(['bucket: expected "late", got "early"', "bucketIndex: expected 2, got 1"]);
  });

  const bad: [string, (j: ReturnType<typeof good>) => void, string, string][] = [
    ["a gap", (j) => (j.ranges[2]!.min = 32), "ranges[2].min", "gap after ranges[1]: expected 31"],
    ["an overlap", (j) => (j.ranges[2]!.min = 30), "ranges[2].min", "overlaps ranges[1]"],
    ["unsorted ranges", (j) => ([j.ranges[1], j.ranges[2]] = [j.ranges[2]!, j.ranges[1]!]), "ranges[2].min", "sorted"],
    ["a first range not at 0", (j) => (j.ranges[0]!.min = 1), "ranges[0].min", "start at 0"],
    ["a closed last range", (j) => ((j.ranges[3] as { max?: number }).max = 400), "ranges[3].max", "open-ended"],
    [
      "an open range in the middle",
      (j) => delete (j.ranges[1] as { max?: number }).max,
      "ranges[1].max",
      "only the last range",
    ],
    ["max below min", (j) => (j.ranges[1]!.max = 0), "ranges[1].max", "below min"],
    ["duplicate labels", (j) => (j.ranges[3]!.label = "late"), "ranges[3].label", "duplicate"],
    ["a negative min", (j) => (j.ranges[1]!.min = -1), "ranges[1].min", ">=0"],
    ["a fractional max", (j) => (j.ranges[1]!.max = 30.5), "ranges[1].max", "int"],
    ["an unknown field", (j) => ((j as Record<string, unknown>).colour = "red"), "colour", "unknown field"],
    ["a missing source", (j) => delete (j as Partial<typeof j>).source, "source", "required"],
    ["a wrong schemaVersion", (j) => ((j as { schemaVersion: number }).schemaVersion = 2), "schemaVersion", ""],
    ["a test naming no bucket", (j) => (j.tests[0]!.expect.bucket = "M9"), "tests[0].expect.bucket", "not a label"],
    ["no ranges", (j) => (j.ranges = []), "ranges", ""],
  ];
  it.each(bad)("rejects %s with the path", (_name, mutate, path, message) => {
    const j = good();
    mutate(j);
    const e = thrown(() => loadBucketScheme(j));
    expect(e.code).toBe("INVALID_BUCKET_SCHEME");
    const hit = e.issues.find(
      (i) => formatPath(i.path) === path && i.message.toLowerCase().includes(message.toLowerCase()),
    );
    expect(hit, e.message).toBeDefined();
    expect(e.message).toContain(`${path}: `);
    expect(e.message).toContain('bucket scheme "house"');
  });

  it("rejects non-objects", () => {
    expect(thrown(() => loadBucketScheme(null)).code).toBe("INVALID_BUCKET_SCHEME");
    expect(thrown(() => loadBucketScheme("cn-m")).code).toBe("INVALID_BUCKET_SCHEME");
  });
});
