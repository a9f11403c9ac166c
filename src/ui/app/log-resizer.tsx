import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { LOG_HEIGHT_MIN, LOG_WIDTH_MIN, useUiStore } from '../stores/ui-store.ts';

/**
 * The tall log's top edge (drag up to grow) or the side log's left edge (drag left to grow);
 * arrow keys do the same, Shift for bigger steps. The lab keeps at least 160 px either way.
 */
export function LogResizer({ axis }: { axis: 'x' | 'y' }) {
  const height = useUiStore((state) => state.logHeight);
  const width = useUiStore((state) => state.logWidth);
  const setHeight = useUiStore((state) => state.setLogHeight);
  const setWidth = useUiStore((state) => state.setLogWidth);
  const drag = useRef<{ start: number; size: number } | undefined>(undefined);
  const size = axis === 'y' ? height : width;
  const min = axis === 'y' ? LOG_HEIGHT_MIN : LOG_WIDTH_MIN;
  const max = () =>
    Math.max(
      min,
      (axis === 'y' ? window.innerHeight : window.innerWidth) - (axis === 'y' ? 160 : 360),
    );
  const apply = (next: number) => (axis === 'y' ? setHeight : setWidth)(Math.min(max(), next));
  const position = (event: PointerEvent) => (axis === 'y' ? event.clientY : event.clientX);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { start: position(event), size };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) apply(drag.current.size + drag.current.start - position(event));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 80 : 20;
    const grow = axis === 'y' ? 'ArrowUp' : 'ArrowLeft';
    const shrink = axis === 'y' ? 'ArrowDown' : 'ArrowRight';
    if (event.key === grow) apply(size + step);
    else if (event.key === shrink) apply(size - step);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className={`log-resizer log-resizer-${axis}`}
      role="separator"
      aria-orientation={axis === 'y' ? 'horizontal' : 'vertical'}
      aria-label="Resize the request log"
      aria-valuenow={size}
      aria-valuemin={min}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = undefined)}
      onKeyDown={onKeyDown}
    />
  );
}
