'use client';
// The panel shown instead of data when the cluster cannot be read: what happened, where, what to check, and
// a button to try again.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ApiError } from '@/lib/api/types';

const TITLES: Record<string, string> = {
  noKubeconfig: 'No kubeconfig',
  config: 'The kubeconfig cannot be used',
  unreachable: 'The cluster cannot be reached',
  tls: 'The TLS connection failed',
  timeout: 'The cluster did not answer in time',
  unauthorized: 'Credentials rejected',
  forbidden: 'Access denied',
};

export function ClusterProblem({ error, onRetry }: { error: ApiError['error']; onRetry?: () => void }) {
  const router = useRouter();
  const [trying, setTrying] = useState(false);
  const retry = () => {
    setTrying(true);
    if (onRetry) onRetry();
    else router.refresh();
    setTimeout(() => setTrying(false), 1500);
  };
  return (
    <section role="alert" aria-labelledby="problem-title" className="mx-auto mt-10 max-w-2xl rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950/40">
      <h2 id="problem-title" className="text-lg font-semibold text-red-900 dark:text-red-200">{TITLES[error.kind] ?? 'Reading the cluster failed'}</h2>
      <p className="mt-2 text-sm">{error.message}</p>
      {error.hint && <p className="mt-2 text-sm"><strong>What to check:</strong> {error.hint}</p>}
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        {error.context && (<><dt>Context</dt><dd className="font-mono">{error.context}</dd></>)}
        {error.server && (<><dt>Server</dt><dd className="font-mono">{error.server}</dd></>)}
        {error.status ? (<><dt>HTTP status</dt><dd className="font-mono">{error.status}</dd></>) : null}
      </dl>
      <button type="button" onClick={retry} disabled={trying} className="mt-4 rounded border border-red-400 bg-white px-3 py-1 text-sm font-medium text-red-900 hover:bg-red-100 disabled:opacity-60 dark:border-red-700 dark:bg-red-950 dark:text-red-100 dark:hover:bg-red-900">
        {trying ? 'Trying again…' : 'Try again'}
      </button>
    </section>
  );
}
