import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsPhrase, count, naturalCompare } from './words';

describe('words', () => {
  it('counts nouns in the right number', () => {
    expect([count(0, 'volume'), count(1, 'volume'), count(2000, 'volume'), count(1, 'PVC')]).toEqual(['0 volumes', '1 volume', '2,000 volumes', '1 PVC']);
  });

  it('orders names naturally, so shard-2 comes right after shard-1', () => {
    expect(['shard-10', 'shard-1999', 'shard-2', 'shard-1', 'Shard-3'].sort(naturalCompare)).toEqual(['shard-1', 'shard-2', 'Shard-3', 'shard-10', 'shard-1999']);
  });

  it('orders Kubernetes-style names exactly as the numeric, case-insensitive collator does', () => {
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const name = fc.string({ unit: fc.constantFrom(...'aAbzZ0123456789.-'), maxLength: 12 });
    fc.assert(fc.property(name, name, (a, b) => {
      expect(Math.sign(naturalCompare(a, b))).toBe(Math.sign(collator.compare(a, b)));
    }), { numRuns: 20_000 });
    // And names outside that alphabet still go to the collator.
    expect(['é-2', 'e-10', 'E-1'].sort(naturalCompare)).toEqual(['E-1', 'é-2', 'e-10']);
  });

  it('says how many claims are missing beside the ones that exist', () => {
    expect(claimsPhrase(19, 1)).toBe('19 PVCs, 1 missing');
    expect(claimsPhrase(1, 0)).toBe('1 PVC');
  });
});
