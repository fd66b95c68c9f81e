// Big answers as a stream of JSON text: a 100,000-verdict array is serialised a thousand elements at a time as
// the client reads, instead of one 66 MB string plus its encoded copy held at once.

const CHUNK = 1000;

/** The JSON text of `body` in pieces; joined, they equal JSON.stringify(body). */
export function* jsonPieces(body: Record<string, unknown>): Generator<string> {
  yield '{';
  let first = true;
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || typeof value === 'function') continue;
    const head = `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(value) || value.length <= CHUNK) {
      yield head + JSON.stringify(value);
      continue;
    }
    yield `${head}[`;
    for (let i = 0; i < value.length; i += CHUNK) {
      const part = value.slice(i, i + CHUNK).map((item: unknown) => JSON.stringify(item) ?? 'null').join(',');
      yield i + CHUNK < value.length ? `${part},` : part;
    }
    yield ']';
  }
  yield '}';
}

/** True when some top-level array is big enough to be worth streaming. */
export function worthStreaming(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.values(body).some((v) => Array.isArray(v) && v.length > CHUNK * 5);
}

/** A JSON answer; streamed when it holds a big array. */
export function jsonResponse(body: unknown, headers: Record<string, string>): Response {
  if (!worthStreaming(body)) return Response.json(body, { headers });
  const pieces = jsonPieces(body);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/json', ...headers } });
}
