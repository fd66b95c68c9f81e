import { describe, expect, it } from 'vitest';
import { compileLabelSelector, matchesLabelSelector } from './label-selector';

const pgLabels = { app: 'postgres', tier: 'db', 'app.kubernetes.io/part-of': 'shop' };

describe('label selector matching', () => {
  it('matches when every matchLabels pair is present with the same value', () => {
    expect(matchesLabelSelector({ matchLabels: { app: 'postgres', tier: 'db' } }, pgLabels)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: { app: 'postgres', tier: 'web' } }, pgLabels)).toBe(false);
  });

  it('In needs the key with a listed value, NotIn also matches when the key is absent', () => {
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['db', 'cache'] }] }, pgLabels)).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, pgLabels)).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, pgLabels)).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }, pgLabels)).toBe(false);
  });

  it('Exists and DoesNotExist test the key only', () => {
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'app.kubernetes.io/part-of', operator: 'Exists' }] }, pgLabels)).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'app.kubernetes.io/part-of', operator: 'DoesNotExist' }] }, pgLabels)).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'backup', operator: 'DoesNotExist' }] }, null)).toBe(true);
  });

  it('ANDs matchLabels with every expression', () => {
    const selector = { matchLabels: { app: 'postgres' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] };
    expect(matchesLabelSelector(selector, pgLabels)).toBe(false);
  });

  it('an empty selector selects nothing, because Velero sends "<none>" and the LIST fails', () => {
    const compiled = compileLabelSelector({});
    expect(compiled.ok).toBe(false);
    expect(matchesLabelSelector({ matchLabels: {} }, pgLabels)).toBe(false);
  });

  it('refuses an unknown operator, In without values and Exists with values, naming the problem', () => {
    expect(compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] })).toEqual({ ok: false, error: '"Equals" is not a valid label selector operator' });
    expect(compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toMatchObject({ ok: false, error: expect.stringContaining("values set can't be empty") });
    expect(compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toMatchObject({ ok: false });
    expect(compileLabelSelector({ matchLabels: { 'bad key!': 'x' } })).toMatchObject({ ok: false, error: expect.stringContaining('bad key!') });
  });
});
