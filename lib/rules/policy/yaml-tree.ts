// YAML text → the tree yaml.v3 decodes from, so the strict decode (schema.ts) sees what Velero sees: every scalar as
// its text (yaml.v3's Node.Value; a string field accepts `5` as "5"), null as null, mappings as null-prototype
// objects with string keys, aliases and `<<` merges resolved, duplicate keys refused as yaml.v3 refuses them.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode, type Scalar } from 'yaml';

export type TreeValue = string | null | TreeMap | TreeValue[];
export interface TreeMap { [key: string]: TreeValue }
export type TreePath = ReadonlyArray<string | number>;

export interface YamlTree {
  root: TreeValue;
  /** Line (1-based) of the node at a path, keyed by pathKey(path). */
  lines: Map<string, number>;
  /** Mappings with a key yaml.v3 does not resolve as !!str (`1: a`, `true: b`): Velero's pvcLabels check refuses them. */
  nonStringKeys: WeakSet<TreeMap>;
  /** Source text of each sequence item, dedented (a policy's own YAML for the detail panel), keyed by pathKey. */
  itemText: Map<string, string>;
  /** yaml.v3 refuses these before any field is decoded (syntax, tabs, duplicate or non-scalar keys). */
  errors: string[];
}

export const pathKey = (path: TreePath) => JSON.stringify(path);

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const BOOLS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const SPECIAL_FLOATS = /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/;
const INT = /^[-+]?(0b[01]+|0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+)$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$/;
const MAX_DEPTH = 64;

/** yaml.v3's tag for a scalar: explicit tag, else !!str for quoted/block scalars, else its plain-scalar resolution. */
export function scalarTag(scalar: Scalar): string {
  if (scalar.tag) return scalar.tag.replace('tag:yaml.org,2002:', '!!');
  if (scalar.type !== 'PLAIN') return '!!str';
  const text = String(scalar.value ?? '');
  if (NULLS.has(text)) return '!!null';
  if (BOOLS.has(text)) return '!!bool';
  if (text === '<<') return '!!merge';
  const plain = text.replaceAll('_', '');
  if (INT.test(plain)) return '!!int';
  if (FLOAT.test(plain) || SPECIAL_FLOATS.test(plain)) return '!!float';
  if (TIMESTAMP.test(text)) return '!!timestamp';
  return '!!str';
}

class TreeBuilder {
  readonly lines = new Map<string, number>();
  readonly nonStringKeys = new WeakSet<TreeMap>();
  readonly errors: string[] = [];
  readonly itemText = new Map<string, string>();
  constructor(private readonly doc: Document, private readonly counter: LineCounter, private readonly text: string) {}

  line(node: YamlNode | null | undefined): number {
    return node?.range ? this.counter.linePos(node.range[0]).line : 0;
  }

  private dedented(start: number, end: number): string {
    const indent = this.counter.linePos(start).col - 1;
    const [head = '', ...rest] = this.text.slice(start, end).split('\n');
    const strip = (l: string) => (l.slice(0, indent).trim() === '' ? l.slice(indent) : l.trimStart());
    return [head, ...rest.map(strip)].join('\n').trimEnd();
  }

  build(node: unknown, path: TreePath, depth = 0): TreeValue {
    if (depth > MAX_DEPTH) {
      this.errors.push(`document nests deeper than ${MAX_DEPTH} levels`);
      return null;
    }
    if (isAlias(node)) return this.build(node.resolve(this.doc), path, depth + 1);
    if (isScalar(node)) return scalarTag(node) === '!!null' ? null : String(node.value ?? '');
    if (isSeq(node)) return node.items.map((item, i) => this.record(item, [...path, i], depth));
    if (isMap(node)) return this.map(node.items, path, depth);
    return null;
  }

  private record(node: unknown, path: TreePath, depth: number): TreeValue {
    const line = this.line(node as YamlNode);
    if (line) this.lines.set(pathKey(path), line);
    const range = (node as YamlNode | null)?.range;
    if (range) this.itemText.set(pathKey(path), this.dedented(range[0], range[1]));
    return this.build(node, path, depth + 1);
  }

  private map(pairs: ReadonlyArray<{ key: unknown; value: unknown }>, path: TreePath, depth: number): TreeMap {
    const out: TreeMap = Object.create(null) as TreeMap;
    const seen = new Map<string, number>();
    const merges: unknown[] = [];
    for (const pair of pairs) {
      const keyNode = isAlias(pair.key) ? pair.key.resolve(this.doc) : pair.key;
      const keyLine = this.line(keyNode as YamlNode);
      if (keyNode !== null && !isScalar(keyNode)) {
        this.errors.push(`line ${keyLine}: a mapping key must be a scalar (Velero: cannot unmarshal a ${isSeq(keyNode) ? '!!seq' : '!!map'} key into string)`);
        continue;
      }
      const tag = keyNode ? scalarTag(keyNode) : '!!null';
      if (tag === '!!merge') {
        merges.push(pair.value);
        continue;
      }
      const key = tag === '!!null' || !keyNode ? '' : String(keyNode.value ?? '');
      const first = seen.get(key);
      if (first !== undefined) {
        this.errors.push(`line ${keyLine}: mapping key "${key}" already defined at line ${first}`);
        continue;
      }
      seen.set(key, keyLine);
      if (tag !== '!!str') this.nonStringKeys.add(out);
      this.lines.set(pathKey([...path, key]), keyLine);
      out[key] = this.build(pair.value, [...path, key], depth + 1);
    }
    for (const merge of merges) this.merge(out, merge, path, depth);
    return out;
  }

  /** `<<: *anchor` or `<<: [*a, *b]`: keys written in the mapping itself win, earlier merged maps before later. */
  private merge(out: TreeMap, value: unknown, path: TreePath, depth: number): void {
    const node = isAlias(value) ? value.resolve(this.doc) : value;
    const sources = isSeq(node) ? node.items.map((item) => (isAlias(item) ? item.resolve(this.doc) : item)) : [node];
    for (const source of sources) {
      if (!isMap(source)) {
        this.errors.push(`line ${this.line(source as YamlNode)}: map merge requires map or sequence of maps as the value`);
        continue;
      }
      const merged = this.map(source.items, path, depth + 1);
      for (const key of Object.keys(merged)) if (!(key in out)) out[key] = merged[key] as TreeValue;
      if (this.nonStringKeys.has(merged)) this.nonStringKeys.add(out);
    }
  }
}

/** Parse the first YAML document of the text (yaml.v3's Decoder.Decode reads one document) into a TreeValue. */
export function parseYamlTree(text: string): YamlTree {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, lineCounter: counter, prettyErrors: false });
  const first = Array.isArray(docs) ? docs[0] : undefined;
  if (!first) {
    return { root: null, lines: new Map(), nonStringKeys: new WeakSet(), itemText: new Map(), errors: ['the document is empty (Velero: EOF)'] };
  }
  const builder = new TreeBuilder(first, counter, text);
  const syntax = first.errors.map((e) => {
    const { line, col } = counter.linePos(e.pos[0]);
    return `YAML syntax: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')} (line ${line}, column ${col})`;
  });
  const root = syntax.length ? null : builder.build(first.contents, []);
  return { root, lines: builder.lines, nonStringKeys: builder.nonStringKeys, itemText: builder.itemText, errors: [...syntax, ...builder.errors] };
}
