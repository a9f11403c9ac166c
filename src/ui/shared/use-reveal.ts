import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps a lab's result in view after an action (docs/decisions/0008-workbench-layout.md): each
 * time `key` changes to a value other than undefined, null or false, the element is scrolled
 * into view inside the lab area, by as little as needed. The document itself never scrolls
 * (the shell clips it), so only the lab area moves.
 *
 * @example const ref = useReveal<HTMLElement>(result?.id); <section ref={ref}>…</section>
 */
export function useReveal<T extends HTMLElement>(key: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    // Nothing to show yet (no result, or it was cleared).
    if (key === undefined || key === null || key === false) return;
    ref.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [key]);
  return ref;
}
