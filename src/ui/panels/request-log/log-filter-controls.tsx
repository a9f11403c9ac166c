import { useLogStore, type StatusClass } from '../../stores/log-store.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const STATUS_CLASSES: readonly StatusClass[] = ['2xx', '3xx', '4xx', '5xx'];

const toggle = <T,>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((other) => other !== item) : [...list, item];

/** Method and status-class toggles (none pressed shows all) and free text. */
export function LogFilterControls() {
  const filters = useLogStore((state) => state.filters);
  const setFilters = useLogStore((state) => state.setFilters);

  return (
    <div className="log-filters">
      {/* Presenter mode hides the method toggles to keep the toolbar on one row: typing a
          method in the filter does the same. */}
      <div className="log-toggle-group presenter-hide" role="group" aria-label="Show only methods">
        {METHODS.map((method) => (
          <button
            key={method}
            type="button"
            className="log-toggle"
            aria-pressed={filters.methods.includes(method)}
            onClick={() => setFilters({ methods: toggle(filters.methods, method) })}
          >
            {method}
          </button>
        ))}
      </div>
      <div className="log-toggle-group" role="group" aria-label="Show only status classes">
        {STATUS_CLASSES.map((statusClass) => (
          <button
            key={statusClass}
            type="button"
            className={`log-toggle status-toggle-${statusClass}`}
            aria-pressed={filters.statusClasses.includes(statusClass)}
            onClick={() =>
              setFilters({ statusClasses: toggle(filters.statusClasses, statusClass) })
            }
          >
            {statusClass}
          </button>
        ))}
      </div>
      <input
        type="search"
        className="log-search"
        aria-label="Filter requests by text"
        placeholder="Filter rows"
        title="Matches what a row shows (method, path, status, badges) and its id and rules"
        value={filters.text}
        onChange={(event) => setFilters({ text: event.target.value })}
      />
    </div>
  );
}
