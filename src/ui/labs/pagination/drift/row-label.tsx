import type { LabRow } from '../../../../scenarios/pagination/walkers.ts';

/** A row as the lab shows it: its name, and the end of its id to tell equal names apart. */
export function RowLabel({ row }: { row: LabRow }) {
  return (
    <span className="pg-row-label" title={`${row.id} · created ${row.created_at}`}>
      {row.name} <span className="pg-id">…{row.id.slice(-4)}</span>
    </span>
  );
}
