// spec.schedule as the schedule controller validates it on every reconcile (velero-objects.md a.1):
// pkg/controller/schedule_controller.go:parseCronSchedule → robfig/cron v3.0.1 ParseStandard (parser.go).
// Only what can be reproduced exactly is checked; anything else is left to the Schedule's own status.
import { goQuote } from '../../util/go-quote';

const EMPTY = 'Schedule must be a non-empty valid Cron expression';
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

interface Bounds {
  min: bigint;
  max: bigint;
  names?: Record<string, bigint>;
}

const MONTHS = Object.fromEntries(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, BigInt(i + 1)]));
const DAYS = Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d, i) => [d, BigInt(i)]));
/** spec.go: minutes, hours, dom, months, dow (the standard parser's five fields; seconds default to "0"). */
const FIELDS: readonly Bounds[] = [
  { min: 0n, max: 59n }, { min: 0n, max: 23n }, { min: 1n, max: 31n }, { min: 1n, max: 12n, names: MONTHS }, { min: 0n, max: 6n, names: DAYS },
];

type Parsed = { ok: true; n: bigint } | { ok: false; error: string };

const MAX_INT64 = 2n ** 63n - 1n;
const MAX_UINT64 = 2n ** 64n - 1n;

/** strconv.Atoi on a 64-bit platform: the fast path below 19 bytes, ParseInt(s, 10, 0) otherwise. */
function atoi(s: string): Parsed {
  const syntax: Parsed = { ok: false, error: `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax` };
  const range: Parsed = { ok: false, error: `strconv.Atoi: parsing ${goQuote(s)}: value out of range` };
  const neg = s[0] === '-';
  const digits = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  if (s.length > 0 && s.length < 19) {
    if (digits === '' || !/^[0-9]+$/.test(digits)) return syntax;
    return { ok: true, n: neg ? -BigInt(digits) : BigInt(digits) };
  }
  if (digits === '') return syntax;
  // ParseUint: a range error can come before a later bad character.
  let n = 0n;
  for (const c of digits) {
    if (c < '0' || c > '9') return syntax;
    if (n >= MAX_UINT64 / 10n + 1n) return range;
    n = n * 10n + BigInt(c.charCodeAt(0) - 48);
    if (n > MAX_UINT64) return range;
  }
  if (!neg && n > MAX_INT64) return range;
  if (neg && n > MAX_INT64 + 1n) return range;
  return { ok: true, n: neg ? -n : n };
}

function mustParseInt(expr: string): Parsed {
  const parsed = atoi(expr);
  if (!parsed.ok) return { ok: false, error: `failed to parse int from ${expr}: ${parsed.error}` };
  if (parsed.n < 0n) return { ok: false, error: `negative number (${parsed.n}) not allowed: ${expr}` };
  return parsed;
}

function parseIntOrName(expr: string, names: Record<string, bigint> | undefined): Parsed {
  const named = names?.[expr.toLowerCase()];
  return named !== undefined ? { ok: true, n: named } : mustParseInt(expr);
}

/** getRange: number | number "-" number [ "/" number ], or * / ?. Returns the error, or null. */
function rangeError(expr: string, r: Bounds): string | null {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] as string).split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: bigint;
  let end: bigint;
  let step: bigint;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
  } else {
    const lo = parseIntOrName(lowAndHigh[0] as string, r.names);
    if (!lo.ok) return lo.error;
    start = lo.n;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const hi = parseIntOrName(lowAndHigh[1] as string, r.names);
      if (!hi.ok) return hi.error;
      end = hi.n;
    } else return `too many hyphens: ${expr}`;
  }
  if (rangeAndStep.length === 1) step = 1n;
  else if (rangeAndStep.length === 2) {
    const parsed = mustParseInt(rangeAndStep[1] as string);
    if (!parsed.ok) return parsed.error;
    step = parsed.n;
    if (singleDigit) end = r.max;
  } else return `too many slashes: ${expr}`;
  if (start < r.min) return `beginning of range (${start}) below minimum (${r.min}): ${expr}`;
  if (end > r.max) return `end of range (${end}) above maximum (${r.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0n) return `step of range should be a positive number: ${expr}`;
  return null;
}

/**
 * The validation errors parseCronSchedule gives spec.schedule: [] when it parses, null when this cannot tell
 * exactly (a CRON_TZ=/TZ= prefix, which needs the tz database; `@every`, which needs time.ParseDuration; anything
 * beyond printable ASCII).
 */
export function cronScheduleErrors(spec: string | null | undefined): string[] | null {
  const text = spec ?? '';
  if (text.length === 0) return [EMPTY];
  if (!/^[\x20-\x7e\t\n\v\f\r]*$/.test(text)) return null;
  if (text.startsWith('TZ=') || text.startsWith('CRON_TZ=')) return null;
  if (text.startsWith('@')) {
    if (DESCRIPTORS.has(text)) return [];
    if (text.startsWith('@every ')) return null;
    return [`invalid schedule: unrecognized descriptor: ${text}`];
  }
  // strings.Fields, ASCII whitespace only (the text is ASCII).
  const fields = text.split(/[\t\n\v\f\r ]+/).filter((f) => f !== '');
  if (fields.length !== 5) return [`invalid schedule: expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`];
  for (const [i, field] of fields.entries()) {
    // getField: comma-separated ranges, empty ones dropped (strings.FieldsFunc).
    for (const expr of field.split(',').filter((e) => e !== '')) {
      const error = rangeError(expr, FIELDS[i] as Bounds);
      if (error) return [`invalid schedule: ${error}`];
    }
  }
  return [];
}
