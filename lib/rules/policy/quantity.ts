// Kubernetes resource quantities (apimachinery pkg/api/resource ParseQuantity), exact, for capacity conditions.
// A port of the scanner parseQuantityString and the suffixer, not a regex: neither client-node's quantityToScalar
// (no decimals with a suffix such as "1.5Gi", no "1.G", mixed number/bigint results) nor any npm package accepts
// exactly what Velero's resource.ParseQuantity accepts. Values are kept as BigInt nano-units so "1Gi" and
// "1073741824" compare equal and nothing is lost to floating point.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export type QuantityResult =
  | { ok: true; nanos: bigint; format: QuantityFormat }
  | { ok: false; error: string };

const FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX_WRONG = "unable to parse quantity's suffix";
const NANO = 1_000_000_000n;
/** Binary quantities are capped at the largest int64 (apimachinery maxAllowed). */
const MAX_ALLOWED_NANOS = ((1n << 63n) - 1n) * NANO;
/** Exponents beyond this cannot change a comparison with any real size; they are clamped to keep BigInt small. */
const EXPONENT_LIMIT = 400;

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { '': 0, n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

interface Scanned { positive: boolean; num: string; denom: string; suffix: string }

/** parseQuantityString: sign, numerator (leading zeros stripped), optional ".denominator", suffix. */
function scan(str: string): Scanned | null {
  let pos = 0;
  let positive = true;
  if (str[0] === '-') { positive = false; pos++; } else if (str[0] === '+') pos++;
  while (str[pos] === '0') pos++;
  if (pos >= str.length) return { positive, num: '0', denom: '', suffix: '' };
  let start = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(start, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    start = ++pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_CHARS.includes(str[pos] as string)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) return null;
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

/** quantitySuffixer.interpret: base, exponent and format of a suffix, or null when it is not one. */
function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | null {
  const decimal = DECIMAL_SUFFIXES[suffix];
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES[suffix];
  if (binary !== undefined) return { base: 2, exponent: binary, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const digits = suffix.slice(1);
    // strconv.ParseInt(s, 10, 64): optional sign, decimal digits only.
    if (!/^[+-]?[0-9]+$/.test(digits)) return null;
    const parsed = BigInt(digits);
    if (parsed > 9223372036854775807n || parsed < -9223372036854775808n) return null;
    const wrapped = Number(BigInt.asIntN(32, parsed)); // Go converts with int32(parsed)
    return { base: 10, exponent: Math.max(-EXPONENT_LIMIT, Math.min(EXPONENT_LIMIT, wrapped)), format: 'DecimalExponent' };
  }
  return null;
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** resource.ParseQuantity: the exact value in nano-units (rounded up, away from zero, to 1n as Kubernetes does). */
export function parseQuantity(str: string): QuantityResult {
  if (str.length === 0) return { ok: false, error: FORMAT_WRONG };
  const scanned = scan(str);
  if (!scanned) return { ok: false, error: FORMAT_WRONG };
  const suffix = interpret(scanned.suffix);
  if (!suffix) return { ok: false, error: SUFFIX_WRONG };
  const digits = BigInt(scanned.num + scanned.denom);
  let numerator = digits;
  let denominator = 1n;
  const tens = (suffix.base === 10 ? suffix.exponent : 0) + 9 - scanned.denom.length;
  if (tens >= 0) numerator *= 10n ** BigInt(tens);
  else denominator = 10n ** BigInt(-tens);
  if (suffix.base === 2) numerator <<= BigInt(suffix.exponent);
  let magnitude = ceilDiv(numerator, denominator);
  let format = suffix.format;
  if (format === 'BinarySI' && magnitude > MAX_ALLOWED_NANOS) magnitude = MAX_ALLOWED_NANOS;
  if (format === 'BinarySI' && magnitude > 0n && magnitude < NANO) format = 'DecimalSI';
  return { ok: true, nanos: scanned.positive ? magnitude : -magnitude, format };
}

/** Nano-units of a quantity the API server already accepted (a PV's capacity); 0 when absent or unreadable. */
export function quantityNanos(value: string | null | undefined): bigint {
  if (value === null || value === undefined || value === '') return 0n;
  const parsed = parseQuantity(value);
  return parsed.ok ? parsed.nanos : 0n;
}

/** Whole bytes of a nano-unit value, for display (may lose precision above 2^53). */
export const nanosToBytes = (nanos: bigint): number => Number(nanos / NANO);
