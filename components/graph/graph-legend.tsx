// What the graph's colours, borders and lines mean, in words beside each sample.
import { TONE } from './graph-parts';

const SWATCHES: Array<[keyof typeof TONE, string]> = [['fs-backup', 'all volumes fs-backup'], ['skip', 'all volumes skipped'], ['mixed', 'some skipped'], ['none', 'no volumes']];

export function GraphLegend() {
  return (
    <ul aria-label="Graph legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
      {SWATCHES.map(([status, text]) => (
        <li key={status} className="flex items-center gap-1"><span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm border-2 bg-white dark:bg-slate-900" style={{ borderColor: TONE[status] }} />{text}</li>
      ))}
      <li className="flex items-center gap-1"><span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm border-2 border-dashed border-slate-500" />claim that does not exist</li>
      <li className="flex items-center gap-1"><svg aria-hidden="true" width="24" height="8"><line x1="0" y1="4" x2="24" y2="4" stroke={TONE['fs-backup']} strokeWidth="2" /></svg>volume taken by fs-backup</li>
      <li className="flex items-center gap-1"><svg aria-hidden="true" width="24" height="8"><line x1="0" y1="4" x2="24" y2="4" stroke={TONE.skip} strokeWidth="2" strokeDasharray="6 4" /></svg>volume skipped</li>
      <li className="flex items-center gap-1"><svg aria-hidden="true" width="24" height="8"><line x1="0" y1="4" x2="24" y2="4" stroke="#94a3b8" strokeWidth="1" /></svg>contains</li>
    </ul>
  );
}
