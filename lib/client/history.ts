// URL changes without a server round trip: Next.js syncs useSearchParams with the native history API.
// `push` for what a user goes Back to (a selection), `replace` for typing in a filter.
'use client';
import { useCallback, useEffect, useState } from 'react';
import { withParams } from './view-state';

export type HistoryMode = 'push' | 'replace';

export function navigateParams(changes: Record<string, string | null>, mode: HistoryMode): void {
  const url = `${window.location.pathname}${withParams(window.location.search, changes)}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/** True below Tailwind's xl breakpoint (1280 px), where the detail panel is a drawer. */
export function useNarrow(): boolean {
  const query = '(max-width: 1279.98px)';
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const media = window.matchMedia(query);
    setNarrow(media.matches);
    const onChange = () => setNarrow(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

/** Focus an element whenever `/` is pressed outside a text field. */
export function useSlashFocus(find: () => HTMLElement | null): void {
  const focus = useCallback(find, [find]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable)) return;
      const element = focus();
      if (!element) return;
      e.preventDefault();
      element.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focus]);
}
