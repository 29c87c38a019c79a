export {
  CYCLE_HISTORY_MONTHS,
  cycleStatus,
  DelinquencyOptionsSchema,
  deriveDelinquency,
  MAX_CYCLE_STATUS,
} from "./derive.js";
export {
  BUCKET_SCHEMES,
  type BucketRange,
  BucketRangeSchema,
  type BucketResult,
  type BucketScheme,
  type BucketSchemeId,
  type BucketSchemeJson,
  BucketSchemeSchema,
  type BucketSchemeTest,
  BucketSchemeTestSchema,
  bucketFor,
  isBucketScheme,
  loadBucketScheme,
  testBucketScheme,
} from "./scheme.js";
export type { Delinquency, DelinquencyOptions } from "./types.js";
