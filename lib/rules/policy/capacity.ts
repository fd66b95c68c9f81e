// The capacity condition: Velero's parseCapacity, capacityCondition.validate and capacity.isInRange
// (internal/resourcepolicies/volume_resources.go, volume_resources_validator.go at v1.18.1).
import { parseQuantity } from './quantity';

export interface CapacityRange {
  /** Nano-units; 0 when that side is empty. */
  lower: bigint;
  upper: bigint;
}

export type CapacityParse = { ok: true; range: CapacityRange } | { ok: false; error: string };

// Go's unicode.IsSpace set (strings.TrimSpace); JavaScript's trim() differs on U+0085 and U+FEFF.
const GO_SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

export function goTrimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && GO_SPACE.includes(text[start] as string)) start++;
  while (end > start && GO_SPACE.includes(text[end - 1] as string)) end--;
  return text.slice(start, end);
}

/** parseCapacity: "" means ","; exactly two comma parts; an empty (blank) part is 0. */
export function parseCapacity(raw: string): CapacityParse {
  const text = raw === '' ? ',' : raw;
  const parts = text.split(',');
  if (parts.length !== 2) return { ok: false, error: `"${raw}" must be "lower,upper" (Velero: wrong format of Capacity ${text})` };
  const bounds: bigint[] = [];
  for (const part of parts) {
    const trimmed = goTrimSpace(part);
    if (trimmed === '') {
      bounds.push(0n);
      continue;
    }
    const quantity = parseQuantity(trimmed);
    if (!quantity.ok) return { ok: false, error: `"${part}" is not a Kubernetes quantity (Velero: wrong format of Capacity ${part} with err ${quantity.error})` };
    bounds.push(quantity.nanos);
  }
  return { ok: true, range: { lower: bounds[0] as bigint, upper: bounds[1] as bigint } };
}

/** capacityCondition.validate: upper ≥ lower, or lower > 0 with an empty (zero) upper. */
export function capacityRangeValid({ lower, upper }: CapacityRange): boolean {
  return upper >= lower || (lower !== 0n && upper === 0n);
}

/** capacity.isInRange: [0,U] → S ≤ U; [L,0] → S ≥ L; [L,U] → L ≤ S ≤ U. */
export function capacityInRange({ lower, upper }: CapacityRange, size: bigint): boolean {
  if (lower === 0n && upper >= size) return true;
  if (upper === 0n && lower <= size) return true;
  if (lower !== 0n && upper !== 0n) return lower <= size && upper >= size;
  return false;
}
