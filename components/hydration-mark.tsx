'use client';
// A User Timing mark when the page's content has hydrated ("backup-lens:hydrated"): what a profile (or a test)
// counts as the framework's boot ends here, the page's own work starts.
import { useEffect } from 'react';

export const HYDRATED_MARK = 'backup-lens:hydrated';

export function HydrationMark() {
  useEffect(() => {
    if (performance.getEntriesByName(HYDRATED_MARK).length === 0) performance.mark(HYDRATED_MARK);
  }, []);
  return null;
}
