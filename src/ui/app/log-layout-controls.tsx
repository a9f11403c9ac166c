import { useUiStore, type LogLayout } from '../stores/ui-store.ts';

const LAYOUTS: { layout: LogLayout; label: string }[] = [
  { layout: 'compact', label: 'Compact' },
  { layout: 'tall', label: 'Tall' },
  { layout: 'side', label: 'Side' },
];

/** Where the log sits (compact, tall, side) and Hide: the end of the log's toolbar. */
export function LogLayoutControls() {
  const layout = useUiStore((state) => state.logLayout);
  const setLayout = useUiStore((state) => state.setLogLayout);
  const setCollapsed = useUiStore((state) => state.setLogCollapsed);
  return (
    <div className="log-layout">
      <select
        aria-label="Log layout"
        title="Compact: the last few requests under the lab. Tall: more rows (drag its top edge). At the side: beside the lab, full height."
        value={layout}
        onChange={(event) => setLayout(event.target.value as LogLayout)}
      >
        {LAYOUTS.map((option) => (
          <option key={option.layout} value={option.layout}>
            {option.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-expanded={true}
        aria-label="Hide the request log"
        title="Hide the request log"
        onClick={() => setCollapsed(true)}
      >
        Hide
      </button>
    </div>
  );
}
