// What could not be read and what had to be assumed, stated beside the verdicts.
import type { ScanHeader } from '@/lib/api/types';

export function ScanNotices({ header }: { header: ScanHeader }) {
  const { incomplete, assumptions } = header;
  const assumed: string[] = [...header.velero.notices.map((n) => (n.assumption ? `${n.message} ${n.assumption}` : n.message)), ...header.backup.effective.assumptions];
  if (assumptions.nodeAgentAssumed) assumed.push(`The Velero namespace "${assumptions.veleroNamespace}" was not seen, so a node-agent is assumed on every node.`);
  if (assumptions.pvsUnknown) assumed.push('PersistentVolumes could not be read: hostPath PVs and missing PVs are not detected.');
  if (assumptions.claimsUnknownIn.length) assumed.push(`Claims could not be read in ${assumptions.claimsUnknownIn.join(', ')}: missing claims are not detected there.`);
  const warnings = header.backup.effective.warnings;
  if (incomplete.length === 0 && assumed.length === 0 && warnings.length === 0) return null;
  return (
    <section role="status" aria-label="Partial read" className="mx-auto mt-3 max-w-[1600px] rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/40">
      {incomplete.length > 0 && (
        <>
          <h2 className="font-semibold">Not everything could be read; the rest of the cluster is shown.</h2>
          <ul className="mt-1 list-disc pl-5">
            {incomplete.map((item) => (
              <li key={`${item.resource}/${item.namespace}`}>
                <span className="font-mono">{item.resource}</span> {item.namespace ? <>in namespace <span className="font-mono">{item.namespace}</span></> : 'cluster-wide'}
                {item.status ? ` (HTTP ${item.status})` : ''}: {item.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h2 className="mt-1 font-semibold">Warnings about this backup</h2>
          <ul className="mt-1 list-disc pl-5">{warnings.map((text) => <li key={text}>{text}</li>)}</ul>
        </>
      )}
      {assumed.length > 0 && (
        <>
          <h2 className="mt-1 font-semibold">What the prediction assumes</h2>
          <ul className="mt-1 list-disc pl-5">{assumed.map((text) => <li key={text}>{text}</li>)}</ul>
        </>
      )}
    </section>
  );
}
