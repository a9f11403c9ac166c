import { useId, useRef } from 'react';
import { send } from '../shared/http.ts';
import { useUiStore } from '../stores/ui-store.ts';
import { useVirtualNow } from '../shared/use-virtual-now.ts';

const STEPS = [
  { ms: 1000, label: '1 s' },
  { ms: 10_000, label: '10 s' },
  { ms: 60_000, label: '1 min' },
  { ms: 3_600_000, label: '1 h' },
  { ms: 86_400_000, label: '1 day' },
];

/**
 * The virtual clock: its time, pause/resume, and one advance control: "+10 s" advances by the
 * current step, and its ▾ menu advances by another step, which then becomes the button's.
 */
export function ClockControl() {
  const { epochMs, paused } = useVirtualNow();
  const step = useUiStore((state) => state.clockStepMs);
  const setStep = useUiStore((state) => state.setClockStepMs);
  const menuId = useId();
  const menu = useRef<HTMLDivElement>(null);
  const stepLabel = STEPS.find((option) => option.ms === step)?.label ?? `${step} ms`;
  const command = (body: object) => void send('/__admin/clock', { method: 'POST', json: body });
  const advance = (ms: number) => {
    setStep(ms);
    command({ action: 'advance', ms });
    menu.current?.hidePopover();
  };

  const time = epochMs === undefined ? '--:--:--' : new Date(epochMs).toISOString().slice(11, 19);
  const date = epochMs === undefined ? '' : new Date(epochMs).toISOString().slice(0, 10);

  return (
    <div className="clock" role="group" aria-label="Virtual clock">
      <span
        className="clock-time"
        data-testid="clock-time"
        data-paused={paused}
        title={`${date} ${time} UTC (virtual${paused ? ', paused' : ''})`}
      >
        <span className="clock-date">{date} </span>
        {time}
        {paused && (
          <span className="clock-paused" aria-hidden="true">
            {' '}
            ‖
          </span>
        )}
        {/* The word stays for screen readers and tests; on screen ‖ and the Resume button say
            it, so the header keeps to one line at 1280 px with the clock paused. */}
        <span className="clock-state visually-hidden">{paused ? ' paused' : ''}</span>
      </span>
      <button
        type="button"
        onClick={() => command({ action: paused ? 'resume' : 'pause' })}
        aria-label={paused ? 'Resume the virtual clock' : 'Pause the virtual clock'}
      >
        {paused ? 'Resume' : 'Pause'}
      </button>
      <span className="clock-advance">
        <button
          type="button"
          onClick={() => advance(step)}
          aria-label={`Advance the virtual clock by ${stepLabel}`}
          title={`Advance the virtual clock by ${stepLabel}`}
        >
          +{stepLabel}
        </button>
        <button
          type="button"
          className="clock-advance-more"
          popoverTarget={menuId}
          aria-label="Advance by another step"
          title="Advance by another step"
        >
          <span aria-hidden="true">▾</span>
        </button>
      </span>
      <div ref={menu} id={menuId} popover="auto" className="clock-menu" role="menu">
        {STEPS.map((option) => (
          <button
            key={option.ms}
            type="button"
            role="menuitem"
            aria-current={option.ms === step ? 'true' : undefined}
            onClick={() => advance(option.ms)}
          >
            +{option.label}
          </button>
        ))}
      </div>
    </div>
  );
}
