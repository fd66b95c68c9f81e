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

  it('with the namespace list forbidden, a pod in a new namespace is seen although the namespaces array is the same', () => {
    const base = snapshot({ pods: [pod('shop', 'db-0')] });
    const namespaces: typeof base.namespaces = [];
    const incomplete = [{ resource: 'namespaces' as const, namespace: null, status: 403, message: 'forbidden' }];
    const first = { ...base, namespaces, incomplete };
    expect(resolveSelection(first, { kind: 'whatIf', whatIf: {} }).effective.namespacesInScope).not.toContain('wiki');
    const later = { ...first, pods: [...first.pods, pod('wiki', 'web-0')] };
    expect(resolveSelection(later, { kind: 'whatIf', whatIf: {} }).effective.namespacesInScope).toContain('wiki');
  });

  it('keeps the cached selection while pods change inside the namespaces already known', () => {
    const base = snapshot({ pods: [pod('shop', 'db-0')] });
    const incomplete = [{ resource: 'namespaces' as const, namespace: null, status: 403, message: 'forbidden' }];
    const first = { ...base, namespaces: [], incomplete };
    const a = resolveSelection(first, { kind: 'whatIf', whatIf: {} });
    const churned = { ...first, pods: [...first.pods, pod('shop', 'db-1')] };
    expect(resolveSelection(churned, { kind: 'whatIf', whatIf: {} })).toBe(a);
    // With the namespace list readable, pod churn never touches the selection.
    const listed = { ...base };
    const b = resolveSelection(listed, { kind: 'whatIf', whatIf: {} });
    expect(resolveSelection({ ...listed, pods: [...listed.pods, pod('shop', 'db-1')] }, { kind: 'whatIf', whatIf: {} })).toBe(b);
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
