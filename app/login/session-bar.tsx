// Who is logged in, and the logout button (token mode); the proxy-mode user. Renders nothing without auth.
import { headers } from 'next/headers';
import { identify } from '@/lib/server/auth-state';

export async function SessionBar() {
  const who = identify(await headers());
  if (!('identity' in who) || who.identity.kind === 'anyone') return null;
  const user = who.identity.kind === 'session' ? who.identity.session.user : who.identity.user;
  return (
    <div className="flex items-center justify-end gap-3 border-b border-slate-200 px-4 py-1 text-xs dark:border-slate-800" aria-label="Session">
      <span>
        Signed in as <strong>{user}</strong>
        {who.identity.kind === 'proxy' ? ' (through the authenticating proxy)' : ''}
      </span>
      {who.identity.kind === 'session' && (
        <form method="post" action="/api/auth/logout">
          <button type="submit" className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700">Log out</button>
        </form>
      )}
    </div>
  );
}
