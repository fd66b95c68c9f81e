// A tiny RFC 4180 writer: a header row, CRLF line ends, and a field quoted (quotes doubled) when it holds a comma,
// a quote, CR or LF, or starts/ends with a space. Hand-written because it is 20 lines and the rules are fixed;
// tested in csv.test.ts against the RFC's own examples. Values are written as they are (no formula escaping), so
// the rows equal the JSON rows.
export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length) throw new Error(`CSV row ${i + 1} has ${row.length} fields; the header has ${header.length}.`);
  }
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvResponse(filename: string, text: string): Response {
  return new Response(text, {
    headers: { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
}
