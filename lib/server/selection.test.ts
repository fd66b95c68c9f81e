import { describe, expect, it } from 'vitest';
import { claimVolume, pod, pvc, snapshot } from '../rules/fixtures';
import { resolveSelection, UnknownBackup } from './selection';

describe('resolving the backup a query names', () => {
  it('a what-if keeps pods whose namespace could not be listed: their namespace exists', () => {
    const base = snapshot({ pods: [pod('shop', 'db-0', { volumes: [claimVolume('data', 'data')] })], pvcs: [pvc('shop', 'data')] });
    const forbidden = { ...base, namespaces: [], incomplete: [{ resource: 'namespaces' as const, namespace: null, status: 403, message: 'forbidden' }] };
    const { effective } = resolveSelection(forbidden, { kind: 'whatIf', whatIf: {} });
    expect(effective.namespacesInScope).toContain('shop');
    expect(effective.validationErrors).toEqual([]);
  });

  it('an unknown schedule or backup is an UnknownBackup naming the parameter', () => {
    const snap = snapshot({ pods: [] });
    expect(() => resolveSelection(snap, { kind: 'schedule', name: 'nightly' })).toThrow(UnknownBackup);
    const thrown = (() => {
      try {
        resolveSelection(snap, { kind: 'backup', name: 'b-1' });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toMatchObject({ parameter: 'backup', objectName: 'b-1' });
  });
});
