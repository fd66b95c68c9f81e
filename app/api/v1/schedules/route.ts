// GET /api/v1/schedules: every Velero Schedule's next backup — effective options with their sources,
// validation errors, the last backup and verdict counts — plus recent Backups for the picker.
import { schedulesBody } from '@/lib/server/queries';
import { withScan } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return withScan(request, (scan, query) => {
    void query;
    return schedulesBody(scan);
  });
}
