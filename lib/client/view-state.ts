// View state lives in the URL: the chosen backup (lib/client/selection.ts) plus page filters, so a link
// reproduces the view.
import { selectionKey } from './selection';

export type SearchParams = Record<string, string | string[] | undefined>;

/** The backup selection of a URL as a canonical query string: the query key and what /api/v1 receives. */
export type Selection = string;

export function selectionFrom(params: SearchParams | URLSearchParams): Selection {
  return selectionKey(params);
}

/** The current query string with some keys set (null or '' removes them). */
export function withParams(current: URLSearchParams | string, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  }
  const text = next.toString();
  return text ? `?${text}` : '';
}

/** Only the selection parameters, for links between pages. */
export function selectionQuery(selection: Selection): string {
  return selection ? `?${selection}` : '';
}
