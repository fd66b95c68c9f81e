// GET /api/v1/search?q=TEXT&limit=N: namespaces, pods, claims and volumes whose names contain TEXT
// (case-insensitive), the first N (default 20, at most 1000) with the total count.
import { BadParameter } from '@/lib/api/params';
import { searchBody, searchInput, type SearchInput } from '@/lib/server/queries';
import { errorJson, withScan } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  const url = new URL(request.url);
  let input: SearchInput;
  try {
    input = searchInput(url.searchParams);
  } catch (error) {
    if (error instanceof BadParameter) return errorJson(400, { kind: 'badParameter', parameter: error.parameter, message: error.message });
    throw error;
  }
  // The shared parser knows the backup options; q and limit are this route's own.
  url.searchParams.delete('q');
  url.searchParams.delete('limit');
  return withScan(new Request(url, { headers: request.headers }), (scan, query) => searchBody(scan, query, input));
}
