// GET /api/v1/graph/rows?namespace=NS: a namespace's volumes, pods and claims, which the graph answer leaves
// out when they are many (its `rows` field says so).
import { graphRowsBody } from '@/lib/server/queries';
import { withScan } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return withScan(request, graphRowsBody);
}
