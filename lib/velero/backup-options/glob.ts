// gobwas/glob as Velero compiles it (no separators): `*` any run, `?` one character, `[abc]`, `[a-z]`, `[!a]`,
// `{a,b}` alternatives, `\` escapes. Matching is case-sensitive and over code points.

/** A compiled pattern, or null when gobwas/glob would refuse to compile it. */
export function compileGlob(pattern: string): RegExp | null {
  const chars = [...pattern];
  let i = 0;
  let depth = 0;
  let out = '';
  const escape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const escapeInClass = (c: string) => c.replace(/[-\\^[\]]/g, '\\$&');
  while (i < chars.length) {
    const c = chars[i] as string;
    if (c === '\\') {
      const next = chars[i + 1];
      if (next === undefined) return null;
      out += escape(next);
      i += 2;
    } else if (c === '*') {
      out += '[\\s\\S]*';
      i++;
    } else if (c === '?') {
      out += '[\\s\\S]';
      i++;
    } else if (c === '[') {
      const close = chars.indexOf(']', i + 1);
      if (close < 0) return null;
      let body = chars.slice(i + 1, close);
      const negate = body[0] === '!';
      if (negate) body = body.slice(1);
      if (body.length === 0) return null;
      let cls = '';
      for (let k = 0; k < body.length; k++) {
        const from = body[k] as string;
        if (body[k + 1] === '-' && body[k + 2] !== undefined) {
          const to = body[k + 2] as string;
          if (to < from) return null;
          cls += `${escapeInClass(from)}-${escapeInClass(to)}`;
          k += 2;
        } else cls += escapeInClass(from);
      }
      out += `[${negate ? '^' : ''}${cls}]`;
      i = close + 1;
    } else if (c === '{') {
      depth++;
      out += '(?:';
      i++;
    } else if (c === ',' && depth > 0) {
      out += '|';
      i++;
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
      i++;
    } else {
      out += escape(c);
      i++;
    }
  }
  if (depth !== 0) return null;
  try {
    return new RegExp(`^(?:${out})$`, 'u');
  } catch {
    return null;
  }
}

export function globMatch(pattern: string, value: string): boolean {
  return compileGlob(pattern)?.test(value) ?? false;
}

/**
 * Velero's globStringSet.match: items in sorted order, the first that matches wins, and an item that does not
 * compile ends the search with false (pkg/util/collections/includes_excludes.go).
 */
export function globSetMatch(items: Iterable<string>, value: string): boolean {
  for (const item of [...new Set(items)].sort(byteOrder)) {
    const re = compileGlob(item);
    if (!re) return false;
    if (re.test(value)) return true;
  }
  return false;
}

export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
