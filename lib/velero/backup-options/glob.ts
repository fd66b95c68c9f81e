// gobwas/glob v0.2.3 as Velero compiles it (no separators): a port of its lexer (syntax/lexer/lexer.go) and parser
// (syntax/ast/parser.go), so that exactly the patterns glob.Compile refuses are refused, with its error messages.
// `*` any run, `?` one character, `[abc]` one list or `[a-z]` one range per class (`[!…]` negates), `{a,b}`
// alternatives, `\` escapes (a trailing `\` is dropped). Matching is case-sensitive and over code points.

type TokenType =
  | 'eof' | 'error' | 'text' | 'any' | 'super' | 'single' | 'not' | 'separator'
  | 'rangeOpen' | 'rangeClose' | 'rangeLo' | 'rangeHi' | 'rangeBetween' | 'termsOpen' | 'termsClose';

interface Token {
  type: TokenType;
  raw: string;
}

/** gobwas's eof rune is 0: a NUL character in the pattern reads as the end of input, as in Go. */
const EOF = '\0';
const IN_TEXT_BREAKERS = ['?', '*', '[', '{'];
const IN_TERMS_BREAKERS = [...IN_TEXT_BREAKERS, '}', ','];

/** utf8.DecodeRuneInString returns RuneError (U+FFFD) for U+FFFD itself and for what Go decoded from a lone surrogate. */
const isRuneError = (c: string) => c === '\uFFFD' || /^[\uD800-\uDFFF]$/.test(c);

class Lexer {
  private pos = 0;
  private err: string | null = null;
  private readonly tokens: Token[] = [];
  private termsLevel = 0;
  private lastRune = EOF;
  private lastRuneSize = 0;
  private hasRune = false;

  constructor(private readonly data: readonly string[]) {}

  next(): Token {
    for (;;) {
      if (this.err !== null) return { type: 'error', raw: this.err };
      const token = this.tokens.shift();
      if (token) return token;
      this.fetchItem();
    }
  }

  private peek(): [string, number] {
    if (this.pos === this.data.length) return [EOF, 0];
    const r = this.data[this.pos] as string;
    if (isRuneError(r)) {
      this.errorf('could not read rune');
      return [EOF, 0];
    }
    return [r, 1];
  }

  private read(): string {
    if (this.hasRune) {
      this.hasRune = false;
      this.pos += this.lastRuneSize;
      return this.lastRune;
    }
    const [r, s] = this.peek();
    this.pos += s;
    this.lastRune = r;
    this.lastRuneSize = s;
    return r;
  }

  private unread(): void {
    if (this.hasRune) {
      this.errorf('could not unread rune');
      return;
    }
    this.pos -= this.lastRuneSize;
    this.hasRune = true;
  }

  private errorf(message: string): void {
    this.err = message;
  }

  private push(type: TokenType, raw: string): void {
    this.tokens.push({ type, raw });
  }

  private fetchItem(): void {
    const r = this.read();
    if (r === EOF) this.push('eof', '');
    else if (r === '{') {
      this.termsLevel++;
      this.push('termsOpen', r);
    } else if (r === ',' && this.termsLevel > 0) this.push('separator', r);
    else if (r === '}' && this.termsLevel > 0) {
      this.push('termsClose', r);
      this.termsLevel--;
    } else if (r === '[') {
      this.push('rangeOpen', r);
      this.fetchRange();
    } else if (r === '?') this.push('single', r);
    else if (r === '*') {
      if (this.read() === '*') this.push('super', '**');
      else {
        this.unread();
        this.push('any', r);
      }
    } else {
      this.unread();
      this.fetchText(this.termsLevel > 0 ? IN_TERMS_BREAKERS : IN_TEXT_BREAKERS);
    }
  }

  private fetchRange(): void {
    let wantHi = false;
    let wantClose = false;
    let seenNot = false;
    for (;;) {
      const r = this.read();
      if (r === EOF) {
        this.errorf('unexpected end of input');
        return;
      }
      if (wantClose) {
        if (r !== ']') this.errorf('expected close range character');
        else this.push('rangeClose', r);
        return;
      }
      if (wantHi) {
        this.push('rangeHi', r);
        wantClose = true;
        continue;
      }
      if (!seenNot && r === '!') {
        this.push('not', r);
        seenNot = true;
        continue;
      }
      const [n, w] = this.peek();
      if (n === '-') {
        this.pos += w;
        this.push('rangeLo', r);
        this.push('rangeBetween', n);
        wantHi = true;
        continue;
      }
      this.unread();
      this.fetchText([']']);
      wantClose = true;
    }
  }

  private fetchText(breakers: readonly string[]): void {
    let data = '';
    let escaped = false;
    for (;;) {
      const r = this.read();
      if (r === EOF) break;
      if (!escaped) {
        if (r === '\\') {
          escaped = true;
          continue;
        }
        if (breakers.includes(r)) {
          this.unread();
          break;
        }
      }
      escaped = false;
      data += r;
    }
    if (data.length > 0) this.push('text', data);
  }
}

type Node =
  | { kind: 'pattern'; children: Node[]; parent: Node | null }
  | { kind: 'anyOf'; children: Node[]; parent: Node | null }
  | { kind: 'text'; text: string }
  | { kind: 'any' }
  | { kind: 'single' }
  | { kind: 'list'; chars: string; not: boolean }
  | { kind: 'range'; lo: string; hi: string; not: boolean };
type Container = Extract<Node, { children: Node[] }>;

/** ast.Parse (parserMain / parserRange): the tree, or glob.Compile's error message. */
function parse(pattern: string): { ok: true; root: Container } | { ok: false; error: string } {
  const lexer = new Lexer([...pattern]);
  const root: Container = { kind: 'pattern', children: [], parent: null };
  let tree: Container = root;
  const container = (kind: 'pattern' | 'anyOf', parent: Container): Container => {
    const node: Container = { kind, children: [], parent };
    parent.children.push(node);
    return node;
  };
  for (;;) {
    const token = lexer.next();
    switch (token.type) {
      case 'eof':
        return { ok: true, root };
      case 'error':
        return { ok: false, error: token.raw };
      case 'text':
        tree.children.push({ kind: 'text', text: token.raw });
        break;
      case 'any':
      case 'super':
        // Without separators Any and Super match the same (compiler.optimizeMatcher: Any → Super).
        tree.children.push({ kind: 'any' });
        break;
      case 'single':
        tree.children.push({ kind: 'single' });
        break;
      case 'rangeOpen': {
        const range = parseRange(lexer);
        if ('error' in range) return { ok: false, error: range.error };
        tree.children.push(range.node);
        break;
      }
      case 'termsOpen':
        tree = container('pattern', container('anyOf', tree));
        break;
      case 'separator':
        tree = container('pattern', tree.parent as Container);
        break;
      case 'termsClose':
        tree = (tree.parent as Container).parent as Container;
        break;
      default:
        return { ok: false, error: `unexpected token: ${token.raw}` };
    }
  }
}

function parseRange(lexer: Lexer): { node: Node } | { error: string } {
  let not = false;
  let lo = '';
  let hi = '';
  let chars = '';
  for (;;) {
    const token = lexer.next();
    switch (token.type) {
      case 'eof':
        return { error: 'unexpected end' };
      case 'error':
        return { error: token.raw };
      case 'not':
        not = true;
        break;
      case 'rangeLo':
        lo = token.raw;
        break;
      case 'rangeHi':
        hi = token.raw;
        if ((hi.codePointAt(0) ?? 0) < (lo.codePointAt(0) ?? 0)) return { error: `hi character '${hi}' should be greater than lo '${lo}'` };
        break;
      case 'text':
        chars = token.raw;
        break;
      case 'rangeClose': {
        const isRange = lo !== '' && hi !== '';
        const isChars = chars !== '';
        if (isChars === isRange) return { error: 'could not parse range' };
        return { node: isRange ? { kind: 'range', lo, hi, not } : { kind: 'list', chars, not } };
      }
      default:
        break;
    }
  }
}

const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
/** Inside a class `-` must be escaped as well (allowed there in unicode mode, a syntax error outside). */
const escapeInClass = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

function toRegExp(node: Node): string {
  switch (node.kind) {
    case 'pattern':
      return node.children.map(toRegExp).join('');
    case 'anyOf':
      return `(?:${node.children.map(toRegExp).join('|')})`;
    case 'text':
      return [...node.text].map(escapeRegExp).join('');
    case 'any':
      return '[\\s\\S]*';
    case 'single':
      return '[\\s\\S]';
    case 'list':
      return `[${node.not ? '^' : ''}${[...node.chars].map(escapeInClass).join('')}]`;
    case 'range':
      return `[${node.not ? '^' : ''}${escapeInClass(node.lo)}-${escapeInClass(node.hi)}]`;
  }
}

export type GlobResult = { ok: true; re: RegExp } | { ok: false; error: string };

const cache = new Map<string, GlobResult>();

/** glob.Compile(pattern): the compiled matcher, or the error Velero gets back (e.g. "expected close range character"). */
export function parseGlob(pattern: string): GlobResult {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const parsed = parse(pattern);
  const result: GlobResult = parsed.ok ? { ok: true, re: new RegExp(`^(?:${toRegExp(parsed.root)})$`, 'u') } : parsed;
  if (cache.size > 4096) cache.clear();
  cache.set(pattern, result);
  return result;
}

/** A compiled pattern, or null when gobwas/glob refuses to compile it. */
export function compileGlob(pattern: string): RegExp | null {
  const result = parseGlob(pattern);
  return result.ok ? result.re : null;
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
