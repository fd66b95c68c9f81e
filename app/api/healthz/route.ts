// Liveness: answers as soon as the server is up and never touches the cluster.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true });
}
