// Kubernetes label selectors (metav1.LabelSelectorAsSelector): matchLabels plus matchExpressions
// In/NotIn/Exists/DoesNotExist, all ANDed. Pure; used for a backup's labelSelector/orLabelSelectors (a.5).
import type { LabelSelector } from '../model/velero';

export type Labels = Readonly<Record<string, string>> | null | undefined;

export type CompiledSelector =
  | { ok: true; matches: (labels: Labels) => boolean }
  /** Velero formats it to a string the API server rejects, so the LIST fails and nothing is selected. */
  | { ok: false; error: string };

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function keyError(key: string): string | null {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : null;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== null && (prefix.length === 0 || prefix.length > 253 || !PREFIX.test(prefix))) return `invalid label key "${key}": bad prefix`;
  if (name.length === 0 || name.length > 63 || !NAME.test(name)) return `invalid label key "${key}"`;
  return null;
}

function valueError(value: string): string | null {
  if (value === '') return null;
  return value.length <= 63 && NAME.test(value) ? null : `invalid label value "${value}"`;
}

export function compileLabelSelector(selector: LabelSelector): CompiledSelector {
  const matchLabels = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  // metav1.FormatLabelSelector turns an empty selector into "<none>", which the API server refuses (velero#2083).
  if (matchLabels.length + expressions.length === 0) return { ok: false, error: 'an empty label selector is sent as "<none>", which the API server rejects' };
  const tests: Array<(labels: Readonly<Record<string, string>>) => boolean> = [];
  for (const [key, value] of matchLabels) {
    const error = keyError(key) ?? valueError(value);
    if (error) return { ok: false, error };
    tests.push((labels) => labels[key] === value);
  }
  for (const expression of expressions) {
    const key = expression.key ?? '';
    const values = expression.values ?? [];
    const error = keyError(key) ?? values.map(valueError).find((e) => e !== null) ?? null;
    if (error) return { ok: false, error };
    const has = (labels: Readonly<Record<string, string>>) => Object.prototype.hasOwnProperty.call(labels, key);
    switch (expression.operator) {
      case 'In':
      case 'NotIn': {
        if (values.length === 0) return { ok: false, error: `for '${expression.operator}' operator, values set can't be empty` };
        const set = new Set(values);
        const isIn = (labels: Readonly<Record<string, string>>) => has(labels) && set.has(labels[key] as string);
        tests.push(expression.operator === 'In' ? isIn : (labels) => !isIn(labels));
        break;
      }
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) return { ok: false, error: `values set must be empty for ${expression.operator}` };
        tests.push(expression.operator === 'Exists' ? has : (labels) => !has(labels));
        break;
      default:
        return { ok: false, error: `"${expression.operator ?? ''}" is not a valid label selector operator` };
    }
  }
  return { ok: true, matches: (labels) => tests.every((t) => t(labels ?? {})) };
}

/** Whether the labels satisfy the selector; an invalid or empty selector selects nothing (the LIST fails). */
export function matchesLabelSelector(selector: LabelSelector, labels: Labels): boolean {
  const compiled = compileLabelSelector(selector);
  return compiled.ok && compiled.matches(labels);
}
