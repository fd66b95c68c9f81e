// The login page of token mode: paste a Kubernetes bearer token; the server reads the cluster with it, so
// Kubernetes RBAC decides what you see. A plain form (works without JavaScript); errors are fixed texts.
import { notFound } from 'next/navigation';
import { authState } from '@/lib/server/auth-state';

export const dynamic = 'force-dynamic';

const ERRORS: Record<string, string> = {
  refused: 'The cluster did not accept this token (401 Unauthorized). Check that it is complete and not expired.',
  malformed: 'That does not look like a bearer token: paste one line of printable characters, without spaces.',
  namespaces: 'Namespaces must be namespace names (lower-case letters, digits and -), separated by commas or spaces.',
  unreachable: 'The cluster could not be reached to check the token; try again later.',
  rateLimited: 'Too many login attempts from this address; wait a minute and try again.',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const held = authState();
  if (!('state' in held) || held.state.settings.auth.mode !== 'token') notFound();
  const { error } = await searchParams;
  const message = typeof error === 'string' ? ERRORS[error] : undefined;
  return (
    <main className="mx-auto max-w-xl p-6">
      <h1 className="text-2xl font-semibold">Log in to Backup Lens</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        Paste a Kubernetes bearer token. Backup Lens reads the cluster with it, so your RBAC decides what you see; it never writes and never reads Secrets.
        The token stays on the server; your browser only gets a session cookie.
      </p>
      {message && (
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">{message}</p>
      )}
      <form method="post" action="/api/auth/login" className="mt-4 flex flex-col gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Bearer token
          <textarea name="token" required rows={5} autoComplete="off" spellCheck={false} className="rounded border border-slate-300 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Namespaces to read (only if your token cannot list namespaces)
          <input name="namespaces" placeholder="shop, wiki" autoComplete="off" className="rounded border border-slate-300 p-2 text-sm dark:border-slate-700 dark:bg-slate-950" />
        </label>
        <button type="submit" className="self-start rounded bg-slate-900 px-4 py-1.5 text-sm font-semibold text-white dark:bg-slate-100 dark:text-slate-900">Log in</button>
      </form>
      <p className="mt-6 text-xs text-slate-500 dark:text-slate-400">
        A token for a service account: <code>kubectl create token NAME -n NAMESPACE</code>. Your own: the <code>token</code> of your kubeconfig user, or your OIDC ID token.
      </p>
    </main>
  );
}
