// The controller a pod belongs to, from its owner reference: a ReplicaSet stands for its Deployment (the
// ReplicaSet objects are not read, so the Deployment's name is the ReplicaSet's minus its template hash).

export interface Controller {
  kind: string;
  name: string;
}

// pod-template-hash values are short lower-case alphanumerics (e.g. 7c9d8f, 5d4b8c9f7).
const TEMPLATE_HASH = /-[a-z0-9]{5,10}$/;

/** `owner` is PodInfo.owner ("Kind/name"); null when the pod has no owner. */
export function controllerOf(owner: string | null): Controller | null {
  if (!owner) return null;
  const slash = owner.indexOf('/');
  const kind = owner.slice(0, slash);
  const name = owner.slice(slash + 1);
  if (!kind || !name) return null;
  if (kind === 'ReplicaSet' && TEMPLATE_HASH.test(name)) return { kind: 'Deployment', name: name.replace(TEMPLATE_HASH, '') };
  return { kind, name };
}

export const controllerKey = (c: Controller): string => `${c.kind}/${c.name}`;
