export { account, AccountBuilder, type ContactSpec, type OverdueOptions, type SnapshotSpec } from "./builder.js";
