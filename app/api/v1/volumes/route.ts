// GET /api/v1/volumes: one verdict per volume of every pod read (optionally of some namespaces); format=csv.
import { volumesBody } from '@/lib/server/queries';
import { formatParam, renderAs, volumesCsv } from '@/lib/server/exports';
import { withScan } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return withScan(request, volumesBody, { allowed: ['format'], validate: formatParam, render: renderAs('volumes', volumesCsv) });
}
