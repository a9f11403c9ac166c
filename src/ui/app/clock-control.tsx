import { send } from '../shared/http.ts';
import { useUiStore } from '../stores/ui-store.ts';
import { useVirtualNow } from './use-virtual-now.ts';

const STEPS = [
  { ms: 1000, label: '1 s' },
  { ms: 10_000, label: '10 s' },
  { ms: 60_000, label: '1 min' },
  { ms: 3_600_000, label: '1 h' },
  { ms: 86_400_000, label: '1 day' },
];

/** The virtual clock: its time, pause/resume, and advance by a chosen step (POST /__admin/clock). */
export function ClockControl() {
  const { epochMs, paused } = useVirtualNow();
  const step = useUiStore((state) => state.clockStepMs);
  const setStep = useUiStore((state) => state.setClockStepMs);
  const stepLabel = STEPS.find((option) => option.ms === step)?.label ?? `${step} ms`;
  const command = (body: object) => void send('/__admin/clock', { method: 'POST', json: body });

  const time = epochMs === undefined ? '--:--:--' : new Date(epochMs).toISOString().slice(11, 19);
  const date = epochMs === undefined ? '' : new Date(epochMs).toISOString().slice(0, 10);

  return (
    <div className="clock" role="group" aria-label="Virtual clock">
      <span className="clock-time" data-testid="clock-time" title={`${date} ${time} UTC (virtual)`}>
        <span className="clock-date">{date} </span>
        {time}
        <span className="clock-state">{paused ? ' paused' : ''}</span>
      </span>
      <button
        type="button"
        onClick={() => command({ action: paused ? 'resume' : 'pause' })}
        aria-label={paused ? 'Resume the virtual clock' : 'Pause the virtual clock'}
      >
        {paused ? 'Resume' : 'Pause'}
      </button>
      <button
        type="button"
        onClick={() => command({ action: 'advance', ms: step })}
        aria-label={`Advance the virtual clock by ${stepLabel}`}
      >
        +{stepLabel}
      </button>
      <select
        className="presenter-hide"
        aria-label="Clock step"
        value={step}
        onChange={(event) => setStep(Number(event.target.value))}
      >
        {STEPS.map((option) => (
          <option key={option.ms} value={option.ms}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
