// GET /api/v1/claims: every claim's protection (fs-backup, a snapshot, custom, none, not in backup) for one backup; format=csv.
import { claimsBody } from '@/lib/server/claims';
import { claimsCsv, formatParam, renderAs } from '@/lib/server/exports';
import { withScan } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return withScan(request, claimsBody, { allowed: ['format'], validate: formatParam, render: renderAs('claims', claimsCsv) });
}
