export type { Delinquency, DelinquencyOptions, AmountsByComponent } from "./types.js";
export { deriveDelinquency, cycleStatus, DelinquencyOptionsSchema, CYCLE_HISTORY_MONTHS, MAX_CYCLE_STATUS } from "./derive.js";
export {
  loadBucketScheme,
  bucketFor,
  isBucketScheme,
  testBucketScheme,
  BUCKET_SCHEMES,
  BucketSchemeSchema,
  BucketRangeSchema,
  BucketSchemeTestSchema,
  type BucketScheme,
  type BucketSchemeId,
  type BucketSchemeJson,
  type BucketRange,
  type BucketSchemeTest,
  type BucketResult,
  type BucketSchemeTestResult,
} from "./scheme.js";
