// GET /api/v1/namespaces: per namespace, pods, volumes, claims and counts by action and by reason.
import { namespacesBody } from '@/lib/server/queries';
import { withScan } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return withScan(request, namespacesBody);
}
