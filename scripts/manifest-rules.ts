// Rules the rendered deploy/ manifests must follow: read-only RBAC (get/list/watch, no Secrets, no wildcards,
// ConfigMaps only in the Velero namespace), a locked-down pod, and the image tag equal to package.json's version.
type Obj = Record<string, unknown>;

const READ_VERBS = new Set(['get', 'list', 'watch']);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asObj = (value: unknown): Obj => (value && typeof value === 'object' ? (value as Obj) : {});
const nameOf = (doc: Obj) => `${String(doc.kind)}/${String(asObj(doc.metadata).name)}`;

function rbacProblems(doc: Obj, veleroNamespace: string): string[] {
  const problems: string[] = [];
  const namespace = asObj(doc.metadata).namespace;
  for (const [i, rule] of asList(doc.rules).map(asObj).entries()) {
    const where = `${nameOf(doc)} rule ${i + 1}`;
    const verbs = asList(rule.verbs).map(String);
    const resources = asList(rule.resources).map(String);
    for (const verb of verbs) if (!READ_VERBS.has(verb)) problems.push(`${where}: verb "${verb}" is not get, list or watch`);
    for (const field of ['verbs', 'resources', 'apiGroups', 'resourceNames'] as const) {
      if (asList(rule[field]).map(String).some((v) => v.includes('*'))) problems.push(`${where}: wildcard in ${field}`);
    }
    if (rule.nonResourceURLs !== undefined) problems.push(`${where}: nonResourceURLs are not needed`);
    if (resources.includes('secrets')) problems.push(`${where}: grants secrets`);
    if (resources.includes('configmaps') && (doc.kind !== 'Role' || namespace !== veleroNamespace)) problems.push(`${where}: configmaps outside a Role in ${veleroNamespace}`);
  }
  return problems;
}

function deploymentProblems(doc: Obj, version: string): string[] {
  const problems: string[] = [];
  const where = nameOf(doc);
  const pod = asObj(asObj(asObj(doc.spec).template).spec);
  const podSc = asObj(pod.securityContext);
  if (podSc.runAsNonRoot !== true) problems.push(`${where}: pod securityContext.runAsNonRoot is not true`);
  if (asObj(podSc.seccompProfile).type !== 'RuntimeDefault') problems.push(`${where}: pod seccompProfile is not RuntimeDefault`);
  if (typeof podSc.runAsUser !== 'number' || podSc.runAsUser === 0) problems.push(`${where}: pod runAsUser is not a non-zero number`);
  const containers = asList(pod.containers).map(asObj);
  if (containers.length === 0) problems.push(`${where}: no containers`);
  for (const c of containers) {
    const at = `${where} container ${String(c.name)}`;
    const sc = asObj(c.securityContext);
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem is not true`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
    if (sc.privileged === true) problems.push(`${at}: privileged`);
    if (!asList(asObj(sc.capabilities).drop).includes('ALL')) problems.push(`${at}: capabilities do not drop ALL`);
    if (asList(asObj(sc.capabilities).add).length > 0) problems.push(`${at}: adds capabilities`);
    const resources = asObj(c.resources);
    for (const kind of ['requests', 'limits'] as const) {
      for (const r of ['cpu', 'memory']) if (asObj(resources[kind])[r] === undefined) problems.push(`${at}: no ${kind}.${r}`);
    }
    for (const probe of ['livenessProbe', 'readinessProbe'] as const) {
      if (asObj(asObj(c[probe]).httpGet).path !== '/api/healthz') problems.push(`${at}: ${probe} does not GET /api/healthz`);
    }
    const image = String(c.image ?? '');
    const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : '';
    if (tag !== version) problems.push(`${at}: image ${image} is not tagged ${version} (package.json's version)`);
  }
  return problems;
}

/** Every broken rule, as text naming the object; empty when the manifests are fine. */
export function manifestProblems(docs: Obj[], { version, veleroNamespace = 'velero' }: { version: string; veleroNamespace?: string }): string[] {
  const problems: string[] = [];
  for (const doc of docs) {
    if (doc.kind === 'Secret') problems.push(`${nameOf(doc)}: the manifests hold no Secrets`);
    if (doc.kind === 'Role' || doc.kind === 'ClusterRole') problems.push(...rbacProblems(doc, veleroNamespace));
    if (doc.kind === 'Deployment') problems.push(...deploymentProblems(doc, version));
    if (doc.kind === 'Service' && (asObj(doc.spec).type ?? 'ClusterIP') !== 'ClusterIP') problems.push(`${nameOf(doc)}: not a ClusterIP Service`);
    if (doc.kind === 'ClusterRoleBinding' && asObj(doc.roleRef).name === 'cluster-admin') problems.push(`${nameOf(doc)}: binds cluster-admin`);
  }
  if (!docs.some((d) => d.kind === 'Deployment')) problems.push('no Deployment');
  return problems;
}
