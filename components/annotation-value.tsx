// An annotation value exactly as written, then its tokens as Velero splits them (on ',' only): whitespace
// made visible as '·', empty tokens as '∅', and the token that matched the volume marked.
export function AnnotationValue({ value, match }: { value: string | null; match: string | null }) {
  if (value === null) return <span className="text-slate-600 dark:text-slate-400">(not set)</span>;
  const tokens = value.split(',');
  return (
    <span>
      <code className="whitespace-pre rounded bg-slate-100 px-1 dark:bg-slate-800">&quot;{value}&quot;</code>
      <span className="ml-2 text-slate-600 dark:text-slate-400">tokens:</span>{' '}
      {tokens.map((token, i) => {
        const shown = token === '' ? '∅' : token.replace(/ /g, '·').replace(/\t/g, '→');
        const suspicious = token !== token.trim() || token === '';
        return (
          <span key={i} className="mr-1 font-mono">
            {match !== null && token === match ? (
              <mark className="rounded bg-emerald-200 px-0.5 dark:bg-emerald-800 dark:text-white">{shown}</mark>
            ) : (
              <span className={suspicious ? 'rounded bg-amber-100 px-0.5 text-amber-900 dark:bg-amber-900 dark:text-amber-100' : 'rounded bg-slate-100 px-0.5 dark:bg-slate-800'}>{shown}</span>
            )}
          </span>
        );
      })}
    </span>
  );
}
