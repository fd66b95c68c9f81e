// Counted nouns and natural order for what people read: "1 volume", "2 volumes"; "shard-2" before "shard-10".

/** "1 volume", "2,000 volumes"; `plural` defaults to singular + "s". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural, case-insensitive order: digits compare as numbers. */
export const naturalCompare = (a: string, b: string): number => collator.compare(a, b);

/** Claims as one phrase everywhere: "19 PVCs, 1 missing" (missing: named by a pod, not in the cluster). */
export function claimsPhrase(existing: number, missing: number): string {
  return `${count(existing, 'PVC')}${missing > 0 ? `, ${missing.toLocaleString('en-US')} missing` : ''}`;
}
