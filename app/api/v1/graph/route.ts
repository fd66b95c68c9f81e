// GET /api/v1/graph?namespace=NS: the namespace → PVC → pod graph with every volume's verdict, pod and claim
// details and lint findings, all from index lookups on the warm snapshot. A big namespace's rows come from
// /api/v1/graph/rows.
import { graphAnswer } from '@/lib/server/queries';
import { withScan } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return withScan(request, graphAnswer);
}
