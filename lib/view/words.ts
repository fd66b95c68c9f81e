// Counted nouns and natural order for what people read: "1 volume", "2 volumes"; "shard-2" before "shard-10".

const NUMBER = new Intl.NumberFormat('en-US');

/** "2,000": one formatter for the page (`toLocaleString` builds a new one on every call). */
export const formatNumber = (n: number): string => NUMBER.format(n);

/** "1 volume", "2,000 volumes"; `plural` defaults to singular + "s". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Kubernetes names ([a-z0-9.-], here also upper case): compared by hand, in the collator's order, many times faster. */
const SIMPLE = /^[A-Za-z0-9.-]*$/;
const isDigit = (c: number) => c >= 48 && c <= 57;

function simpleCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Digit runs compare as numbers: leading zeros dropped, then the longer is larger, then digit by digit.
      let ei = i; while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      let ej = j; while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      while (i < ei && a.charCodeAt(i) === 48) i++;
      while (j < ej && b.charCodeAt(j) === 48) j++;
      if (ei - i !== ej - j) return ei - i < ej - j ? -1 : 1;
      for (; i < ei; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) < b.charCodeAt(j) ? -1 : 1;
      continue;
    }
    // '-' < '.' < digits < letters, case ignored: code point order once lower-cased, as the collator orders them.
    const la = ca >= 65 && ca <= 90 ? ca + 32 : ca;
    const lb = cb >= 65 && cb <= 90 ? cb + 32 : cb;
    if (la !== lb) return la < lb ? -1 : 1;
    i++;
    j++;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

/** Natural, case-insensitive order: digits compare as numbers. */
export const naturalCompare = (a: string, b: string): number => (SIMPLE.test(a) && SIMPLE.test(b) ? simpleCompare(a, b) : collator.compare(a, b));

/** Claims as one phrase everywhere: "19 PVCs, 1 missing" (missing: named by a pod, not in the cluster). */
export function claimsPhrase(existing: number, missing: number): string {
  return `${count(existing, 'PVC')}${missing > 0 ? `, ${formatNumber(missing)} missing` : ''}`;
}
