import { lazy, Suspense, useState } from 'react';
import { DriftPanel } from './drift/drift-panel.tsx';
import './pagination.css';

// recharts loads only when the cost chart is opened.
const CostPanel = lazy(() => import('./cost/cost-panel.tsx'));

type View = 'drift' | 'cost';
const VIEWS: { id: View; label: string }[] = [
  { id: 'drift', label: 'Drift under changes' },
  { id: 'cost', label: 'Cost per page' },
];

/** The pagination lab: offset, keyset and a naive cursor, walked live; and the cost of depth. */
export default function PaginationLab() {
  const [view, setView] = useState<View>('drift');
  return (
    <div className="pg">
      <fieldset className="pg-views">
        <legend className="visually-hidden">View</legend>
        {VIEWS.map((choice) => (
          <label key={choice.id}>
            <input
              type="radio"
              name="pg-view"
              value={choice.id}
              checked={view === choice.id}
              onChange={() => setView(choice.id)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </fieldset>
      {view === 'drift' ? (
        <DriftPanel />
      ) : (
        <Suspense fallback={<p className="loading">Loading the chart…</p>}>
          <CostPanel />
        </Suspense>
      )}
    </div>
  );
}
