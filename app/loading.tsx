export default function Loading() {
  return (
    <main className="mx-auto max-w-[1600px] animate-pulse p-4" aria-busy="true">
      <p role="status" className="sr-only">Reading the cluster…</p>
      <div className="h-8 w-1/3 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="mt-4 space-y-2">
        {Array.from({ length: 8 }, (_, i) => <div key={i} className="h-6 rounded bg-slate-100 dark:bg-slate-900" />)}
      </div>
    </main>
  );
}
