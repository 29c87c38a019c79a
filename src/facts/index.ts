export { FACT_NAMES, FACTS, type FactDefinition, type Facts, type FactType } from "./catalog.js";
export { deriveFacts, type FactsOptions, FactsOptionsSchema } from "./derive.js";
