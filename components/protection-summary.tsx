'use client';
// The overview's opening: how many claims the selected backup does not protect, how many no schedule protects,
// and those claims first, with their reasons in plain words. CSV downloads of the claims and the volumes.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { REFETCH_MS } from '@/lib/client/api';
import { csvHref, fetchClaims, protectionKeys } from '@/lib/client/protection-api';
import { selectionQuery, type Selection } from '@/lib/client/view-state';
import { ProtectionBadge } from './protection-badge';

export function ProtectionSummary({ selection }: { selection: Selection }) {
  const query = useQuery({ queryKey: protectionKeys.claims(selection), queryFn: () => fetchClaims(selection), refetchInterval: REFETCH_MS });
  const data = query.data;
  if (!data) return query.isPending ? <p role="status" className="mb-4 text-sm">Deciding every claim&apos;s protection…</p> : null;
  const unprotected = data.claims.filter((c) => c.protection === 'none' || c.protection === 'notInBackup')
    .sort((a, b) => Number(a.protection === 'notInBackup') - Number(b.protection === 'notInBackup'));
  return (
    <section aria-labelledby="protection-heading" className="mb-6 rounded border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="protection-heading" className="sr-only">Claims not protected</h2>
      <div className="flex flex-wrap items-baseline gap-x-8 gap-y-2">
        <p className="text-base">
          <strong className="text-3xl font-bold text-red-800 dark:text-red-300" data-testid="not-protected-count">{data.notProtected}</strong>{' '}
          of {data.claims.length} claims are <strong>not protected</strong> by {data.backup.label}
        </p>
        <p className="text-base">
          <strong className="text-3xl font-bold text-red-800 dark:text-red-300" data-testid="not-protected-any-count">{data.notProtectedByAnySchedule}</strong>{' '}
          are protected by <strong>no schedule at all</strong> (<Link href="/coverage?unprotected=1" className="text-blue-700 underline dark:text-blue-300">coverage</Link>)
        </p>
        <p className="text-sm">
          <a href={csvHref('claims', selection)} download className="text-blue-700 underline dark:text-blue-300">Download claims (CSV)</a>{' · '}
          <a href={csvHref('volumes', selection)} download className="text-blue-700 underline dark:text-blue-300">Download volumes (CSV)</a>
        </p>
      </div>
      {unprotected.length > 0 && (
        <table className="mt-3 w-full text-left text-sm" aria-label="Claims not protected by this backup">
          <thead className="text-xs uppercase text-slate-600 dark:text-slate-300">
            <tr><th scope="col" className="py-1 pr-3">Claim</th><th scope="col" className="py-1 pr-3">Protection</th><th scope="col" className="py-1">Why</th></tr>
          </thead>
          <tbody>
            {unprotected.map((c) => (
              <tr key={`${c.namespace}/${c.name}`} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="py-1 pr-3 font-mono text-xs">
                  <Link href={`/namespaces/${c.namespace}${selectionQuery(selection)}`} className="text-blue-700 underline dark:text-blue-300">{c.namespace}</Link>/{c.name}
                </td>
                <td className="py-1 pr-3"><ProtectionBadge protection={c.protection} /></td>
                <td className="py-1 text-xs">{c.explanation}{c.protectedBySomeSchedule ? '' : ' No schedule protects it.'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.protectionAssumptions.length > 0 && (
        <details className="mt-2 text-xs text-slate-600 dark:text-slate-300">
          <summary className="cursor-pointer">Assumed about snapshots ({data.protectionAssumptions.length})</summary>
          <ul className="mt-1 list-disc pl-5">{data.protectionAssumptions.map((a) => <li key={a}>{a}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
