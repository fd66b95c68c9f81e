'use client';
// The first tab stop of a page: jumps to its main content and focuses the first item there. After a client
// navigation removed the focused link, focus restarts at the top of the page, as after a full page load.
import { useEffect, useRef } from 'react';

export function SkipLink({ target, label }: { target: string; label: string }) {
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) top.current?.focus({ preventScroll: true });
  }, []);
  return (
    <>
    <div ref={top} tabIndex={-1} className="outline-none" aria-hidden="true" />
    <a href={`#${target}`}
      onClick={(e) => {
        const section = document.getElementById(target);
        if (!section) return;
        e.preventDefault();
        const first = section.querySelector<HTMLElement>('tbody [tabindex="0"], tbody a[href]') ?? section;
        first.focus();
        first.scrollIntoView({ block: 'nearest' });
      }}
      className="sr-only rounded bg-blue-700 px-3 py-2 text-sm font-semibold text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50">
      {label}
    </a>
    </>
  );
}
