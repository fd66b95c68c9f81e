import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';
import { parseCsv } from './csv-reader';

describe('the CSV writer', () => {
  it('leaves plain fields as they are and writes null as an empty field', () => {
    expect([csvField('shop'), csvField(3), csvField(true), csvField(null)]).toEqual(['shop', '3', 'true', '']);
  });

  it('quotes commas, quotes, CR and LF, doubling the quotes (RFC 4180 2.6, 2.7)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('writes a header row and CRLF-terminated records that read back to the same values', () => {
    const rows = [['shop', 'data, "primary"', 'failed: input/output error\nretry'], ['wiki', '', null]];
    const text = toCsv(['namespace', 'claim', 'message'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['namespace', 'claim', 'message'], ['shop', 'data, "primary"', 'failed: input/output error\nretry'], ['wiki', '', '']]);
  });

  it('refuses a row whose width differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/row 1 has 1 fields; the header has 2/);
  });
});
