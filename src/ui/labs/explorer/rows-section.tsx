import { ProblemBox } from '../../shared/problem-box.tsx';
import { ProblemResponseError } from '../../shared/http.ts';
import { useRows } from './api/get-rows.ts';
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
          />
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
