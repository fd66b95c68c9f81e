'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm">The page could not be shown: {error.message || 'an unexpected error occurred'}.{error.digest ? ` (reference ${error.digest})` : ''}</p>
      <button type="button" onClick={reset} className="mt-4 rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-700">Try again</button>
    </main>
  );
}
