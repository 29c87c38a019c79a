export type { Decision, DecidedAction, BlockedAction, TraceEntry, ScoreResult } from "./decision.js";
