import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { manifestProblems } from './manifest-rules';

const root = path.resolve(__dirname, '..');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
type Obj = Record<string, unknown>;

function render(dir: string): Obj[] {
  const yaml = execFileSync('kubectl', ['kustomize', path.join(root, dir)], { encoding: 'utf8' });
  return parseAllDocuments(yaml).map((d) => d.toJSON() as Obj);
}

const clone = (docs: Obj[]) => JSON.parse(JSON.stringify(docs)) as Obj[];
const find = (docs: Obj[], kind: string, name?: string) => docs.find((d) => d.kind === kind && (!name || (d.metadata as Obj).name === name)) as Obj;

describe('kubectl kustomize deploy/', () => {
  const docs = render('deploy');

  it('renders the namespace, service account, read-only roles, bindings, a ClusterIP Service and the Deployment', () => {
    expect(docs.map((d) => `${String(d.kind)}/${String((d.metadata as Obj).name)}`).sort()).toEqual([
      'ClusterRole/backup-lens-read', 'ClusterRoleBinding/backup-lens-read', 'Deployment/backup-lens', 'Namespace/backup-lens',
      'Role/backup-lens-read-velero', 'RoleBinding/backup-lens-read-velero', 'Service/backup-lens', 'ServiceAccount/backup-lens',
    ]);
    expect((find(docs, 'Role').metadata as Obj).namespace).toBe('velero');
  });

  it('breaks none of the rules: get/list/watch only, no secrets or wildcards, locked-down pod, image tag = package.json version', () => {
    expect(manifestProblems(docs, { version })).toEqual([]);
  });

  it('the ingress-proxy overlay switches to proxy mode with trusted proxies and still breaks no rule', () => {
    const overlay = render('deploy/overlays/ingress-proxy');
    expect(manifestProblems(overlay, { version })).toEqual([]);
    const env = (((find(overlay, 'Deployment').spec as Obj).template as { spec: { containers: Array<{ env: Array<{ name: string; value: string }> }> } }).spec.containers[0]?.env ?? []);
    const value = (name: string) => env.find((e) => e.name === name)?.value;
    expect(value('BACKUP_LENS_AUTH')).toBe('proxy');
    expect(value('BACKUP_LENS_TRUSTED_PROXIES')).toBeTruthy();
    expect(overlay.some((d) => d.kind === 'Ingress')).toBe(true);
  });
});

describe('the manifest rules', () => {
  const docs = render('deploy');

  it('catch a write verb, a wildcard and Secrets in a role', () => {
    const bad = clone(docs);
    const rules = find(bad, 'ClusterRole').rules as Obj[];
    rules.push({ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'delete'] }, { apiGroups: ['*'], resources: ['*'], verbs: ['*'] });
    const problems = manifestProblems(bad, { version }).join('\n');
    expect(problems).toContain('verb "delete" is not get, list or watch');
    expect(problems).toContain('grants secrets');
    expect(problems).toContain('wildcard in resources');
    expect(problems).toContain('wildcard in apiGroups');
  });

  it('catch ConfigMaps granted cluster-wide', () => {
    const bad = clone(docs);
    (find(bad, 'ClusterRole').rules as Obj[]).push({ apiGroups: [''], resources: ['configmaps'], verbs: ['list'] });
    expect(manifestProblems(bad, { version })).toEqual(['ClusterRole/backup-lens-read rule 6: configmaps outside a Role in velero']);
  });

  it('catch a writable root file system, kept capabilities and a stale image tag', () => {
    const bad = clone(docs);
    const container = ((find(bad, 'Deployment').spec as Obj).template as { spec: { containers: Obj[] } }).spec.containers[0] as Obj;
    container.securityContext = { ...(container.securityContext as Obj), readOnlyRootFilesystem: false, capabilities: { drop: [] } };
    container.image = 'ghcr.io/backup-lens/backup-lens:0.0.9';
    const problems = manifestProblems(bad, { version }).join('\n');
    expect(problems).toContain('readOnlyRootFilesystem is not true');
    expect(problems).toContain('capabilities do not drop ALL');
    expect(problems).toContain(`is not tagged ${version}`);
  });
});
