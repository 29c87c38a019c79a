export { FACTS, FACT_NAMES, type Facts, type FactDefinition, type FactType } from "./catalog.js";
export { deriveFacts, FactsOptionsSchema, type FactsOptions } from "./derive.js";
