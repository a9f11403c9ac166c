import { useEffect, useState, type RefObject } from 'react';

/** Matches app.css's default, for environments without layout (tests). */
export const FALLBACK_ROW_HEIGHT = 28;

/**
 * The row height in px from the theme's --row-height, read off a probe element sized with it.
 * A ResizeObserver on the probe follows presenter mode, which changes the variable on <html>
 * after this component has rendered.
 */
export function useRowHeight(probe: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(FALLBACK_ROW_HEIGHT);
  useEffect(() => {
    const element = probe.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const read = () => {
      const measured = element.getBoundingClientRect().height;
      if (measured > 0) setHeight(Math.round(measured));
    };
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, [probe]);
  return height;
}
