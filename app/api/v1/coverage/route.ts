// GET /api/v1/coverage: claims × Schedules, each cell the Schedule's protection of the claim.
import { coverageBody } from '@/lib/server/claims';
import { withScan } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return withScan(request, (scan) => coverageBody(scan));
}
