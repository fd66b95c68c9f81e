// Velero's resource policies (volume policies), pure: parse strictly, then match first-wins at B9/E2.
export type { CapacityCondition, IncludeExcludePolicy, ParsePolicy, PolicyParseResult, ResourcePolicy, VolumeConditions, VolumePolicy } from './types';
export { ACTION_TYPES, SUPPORTED_VERSION, formatPath, parseResourcePolicy } from './parse';
export { filterDataFor, getVolumeTypeFromPV, getVolumeTypeFromVolume, type FilterData } from './filter-data';
export { matchingPolicy, policyMatcher, summarizeConditions, type PolicyHit } from './match';
export { parseQuantity, quantityNanos, type QuantityResult } from './quantity';
export { capacityInRange, capacityRangeValid, parseCapacity, type CapacityRange } from './capacity';
