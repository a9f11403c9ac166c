import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { LABS } from './labs.ts';

/**
 * Every lab behind one button: the header keeps to one line at 1280 px however many labs there
 * are, and the button names the lab in view. A disclosure (not an ARIA menu): its links are
 * ordinary links, reached with Tab, and it closes on Escape, on a click elsewhere and on leaving.
 */
export function LabsMenu() {
  const [location] = useLocation();
  // Open only at the location where it was opened: following a link closes it.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === location;
  const setOpen = (value: boolean) => setOpenAt(value ? location : null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const inView = LABS.find((lab) => location === lab.path || location.startsWith(`${lab.path}/`));

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpenAt(null);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenAt(null);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  return (
    <div className="labs-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="labs-menu-button"
        aria-expanded={open}
        aria-controls={listId}
        aria-current={inView ? 'page' : undefined}
        onClick={() => setOpen(!open)}
      >
        <span className="labs-menu-word">Labs</span>
        {inView && <span className="labs-menu-current">{inView.title}</span>}
        <span aria-hidden="true">▾</span>
      </button>
      <ul id={listId} className="labs-menu-list" hidden={!open}>
        {LABS.map((lab) => (
          <li key={lab.id}>
            <Link
              href={lab.path}
              aria-current={lab === inView ? 'page' : undefined}
              aria-describedby={`${listId}-${lab.id}`}
              onClick={() => setOpen(false)}
            >
              {lab.title}
            </Link>
            <span id={`${listId}-${lab.id}`} className="labs-menu-summary">
              {lab.summary}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
