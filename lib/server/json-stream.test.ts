import { describe, expect, it } from 'vitest';
import { jsonPieces, jsonResponse, worthStreaming } from './json-stream';

const verdicts = Array.from({ length: 12_345 }, (_, i) => ({ namespace: `ns-${i % 7}`, pod: `p-${i}`, volume: 'data', pvc: i % 3 ? null : `c-${i}`, note: i % 11 ? undefined : 'a "quoted" \u2028 text' }));

describe('streamed JSON answers', () => {
  it('join to exactly what JSON.stringify makes, undefined fields and array holes included', () => {
    const body = { cluster: { context: 'x' }, skipped: undefined, volumes: verdicts, holes: [1, undefined, 3], empty: [] };
    expect([...jsonPieces(body)].join('')).toBe(JSON.stringify(body));
  });

  it('stream only answers that hold a big array, and the streamed body parses back to the answer', async () => {
    expect(worthStreaming({ namespaces: verdicts.slice(0, 100) })).toBe(false);
    const body = { scannedAt: '2026-12-01T00:00:00Z', volumes: verdicts };
    const response = jsonResponse(body, { etag: 'W/"1"' });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('etag')).toBe('W/"1"');
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(body)));
  });
});
