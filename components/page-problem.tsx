// A page that cannot show its data: its heading and the problem (cluster, parameter or unknown backup).
import type { ApiError } from '@/lib/api/types';
import { ClusterProblem } from './cluster-problem';

export function PageProblem({ title, error }: { title: string; error: ApiError['error'] }) {
  return (
    <main className="p-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <ClusterProblem error={error} />
    </main>
  );
}
