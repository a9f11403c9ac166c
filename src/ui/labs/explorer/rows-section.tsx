import { ProblemBox } from '../../shared/problem-box.tsx';
import { ProblemResponseError } from '../../shared/http.ts';
import { useRows } from './api/get-rows.ts';
import { useUpdateRow } from './api/update-row.ts';
import { useExplorerStore } from './explorer-store.ts';
import { Pagination } from './pagination.tsx';
import { RowsTable } from './rows-table.tsx';
import type { ResourceSpec, Row } from './resources.ts';

interface RowsSectionProps {
  spec: ResourceSpec;
  editingId: string | undefined;
  onEdit(row: Row): void;
  onDelete(row: Row, lastOnPage: boolean): void;
}

/** The current page of a collection, with offset pagination. */
export function RowsSection({ spec, editingId, onEdit, onDelete }: RowsSectionProps) {
  const offset = useExplorerStore((state) => state.offsets[spec.name]);
  const limit = useExplorerStore((state) => state.pageSize);
  const query = useRows(spec.name, { offset, limit });
  const cancel = useUpdateRow(spec.name);
  const headingId = `explorer-${spec.name}-rows`;

  return (
    <section className="explorer-rows" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {spec.name}
      </h2>
      {query.isPending && <p className="loading">Loading {spec.name}…</p>}
      {query.isError && <ListError error={query.error} />}
      {query.data && (
        <>
          <Pagination
            collection={spec.name}
            pagination={query.data.pagination}
            shown={query.data.data.length}
            fetching={query.isFetching}
          />
          <RowsTable
            spec={spec}
            rows={query.data.data}
            editingId={editingId}
            onEdit={onEdit}
            onDelete={(row) => onDelete(row, query.data.data.length === 1)}
            onCancel={(row) =>
              cancel.mutate({ id: row.id, method: 'PATCH', body: { status: 'cancelled' } })
            }
          />
          {cancel.isSuccess && <Cancelled row={cancel.data.body} />}
          {cancel.isError && <ListError error={cancel.error} />}
        </>
      )}
    </section>
  );
}

function ListError({ error }: { error: Error }) {
  if (error instanceof ProblemResponseError && error.problem)
    return <ProblemBox problem={error.problem} />;
  return (
    <p className="problem-box" role="alert">
      The list could not be loaded: {error.message}
    </p>
  );
}

function Cancelled({ row }: { row: Row | string | null }) {
  if (row === null || typeof row === 'string') return null;
  return (
    <p className="explorer-note" role="status">
      Cancelled <code>{row.id}</code>: its {String(row.quantity)} went back to the product’s stock
      (PATCH, JSON Merge Patch).
    </p>
  );
}
