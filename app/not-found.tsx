import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFoundPage() {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm">This namespace is not in the cluster&apos;s snapshot (or was deleted since). It may also be one the dashboard was not allowed to read.</p>
      <p className="mt-4"><Link href="/" className="text-blue-800 hover:underline dark:text-sky-300">Back to all namespaces</Link></p>
    </main>
  );
}
