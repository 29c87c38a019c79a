export {
  cycleStatus,
  DelinquencyOptionsSchema,
  deriveDelinquency,
} from "./derive.js";
export {
  BUCKET_SCHEME_FILES,
  BUCKET_SCHEMES,
  type BucketResult,
  type BucketScheme,
  type BucketSchemeJson,
  bucketFor,
  isBucketScheme,
  loadBucketScheme,
  testBucketScheme,
} from "./scheme.js";
export type { Delinquency, DelinquencyOptions } from "./types.js";
