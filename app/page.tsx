export default function HomePage() {
  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-semibold">Backup Lens</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Which pod volumes Velero&apos;s fs-backup will take, which it will skip, and why.
      </p>
    </main>
  );
}
