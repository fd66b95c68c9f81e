// Label and field selectors as kubectl sends them: equality (=, ==, !=), set (in, notin), exists and !key.
type Labels = Record<string, string> | null | undefined;
type Requirement = (labels: Labels) => boolean;

/** Splits on commas that are not inside parentheses ("a in (x,y),b"). */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  terms.push(current);
  return terms.map((t) => t.trim()).filter(Boolean);
}

export class SelectorError extends Error {}

function requirement(term: string): Requirement {
  let m = /^([^\s!=]+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
  if (m) {
    const [, key = '', op, values = ''] = m;
    const set = new Set(values.split(',').map((v) => v.trim()));
    return op === 'in' ? (l) => l?.[key] !== undefined && set.has(l[key] as string) : (l) => l?.[key] === undefined || !set.has(l[key] as string);
  }
  m = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (m) {
    const [, key = '', op, value = ''] = m;
    return op === '!=' ? (l) => l?.[key] !== value : (l) => l?.[key] === value;
  }
  m = /^!\s*([^\s!=]+)$/.exec(term);
  if (m) {
    const key = m[1] ?? '';
    return (l) => l?.[key] === undefined;
  }
  if (/^[^\s!=(),]+$/.test(term)) return (l) => l?.[term] !== undefined;
  throw new SelectorError(`unable to parse requirement: ${term}`);
}

export function labelMatcher(selector: string | null): (labels: Labels) => boolean {
  if (!selector) return () => true;
  const requirements = splitTerms(selector).map(requirement);
  return (labels) => requirements.every((r) => r(labels));
}

const FIELDS: Record<string, (o: Record<string, unknown>) => string> = {
  'metadata.name': (o) => String((o.metadata as Record<string, unknown> | undefined)?.name ?? ''),
  'metadata.namespace': (o) => String((o.metadata as Record<string, unknown> | undefined)?.namespace ?? ''),
  'spec.nodeName': (o) => String((o.spec as Record<string, unknown> | undefined)?.nodeName ?? ''),
  'status.phase': (o) => String((o.status as Record<string, unknown> | undefined)?.phase ?? ''),
};

export function fieldMatcher(selector: string | null): (object: Record<string, unknown>) => boolean {
  if (!selector) return () => true;
  const checks = splitTerms(selector).map((term) => {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    const read = m ? FIELDS[m[1] ?? ''] : undefined;
    if (!m || !read) throw new SelectorError(`field label not supported: ${term}`);
    const value = m[3] ?? '';
    return m[2] === '!=' ? (o: Record<string, unknown>) => read(o) !== value : (o: Record<string, unknown>) => read(o) === value;
  });
  return (object) => checks.every((c) => c(object));
}

/** Both selectors of a request as one predicate over an object; throws SelectorError when one is malformed. */
export function selectorMatcher(query: URLSearchParams): (object: Record<string, unknown>) => boolean {
  const labels = labelMatcher(query.get('labelSelector'));
  const fields = fieldMatcher(query.get('fieldSelector'));
  return (object) => labels((object.metadata as { labels?: Labels } | undefined)?.labels) && fields(object);
}
