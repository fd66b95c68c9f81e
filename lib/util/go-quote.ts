// Go's strconv.Quote (fmt's %q) for ASCII, as Velero's and client-go's messages print a string.
const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };

/** strconv.Quote (%q) for ASCII; other characters are taken as printable and kept. */
export const goQuote = (s: string): string => `"${[...s].map((c) => {
  const code = c.charCodeAt(0);
  return GO_ESCAPES[c] ?? (code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c);
}).join('')}"`;
