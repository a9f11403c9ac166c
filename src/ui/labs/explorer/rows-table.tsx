import type { ResourceSpec, Row } from './resources.ts';

interface RowsTableProps {
  spec: ResourceSpec;
  rows: Row[];
  editingId: string | undefined;
  onEdit(row: Row): void;
  onDelete(row: Row): void;
  /** For rows that are only ever cancelled (orders). */
  onCancel?(row: Row): void;
}

/** The page's rows. Every value renders as text: names and emails are whatever a client sent. */
export function RowsTable({ spec, rows, editingId, onEdit, onDelete, onCancel }: RowsTableProps) {
  const readColumns = spec.readColumns ?? [];
  if (rows.length === 0) return <p>No {spec.name} on this page.</p>;
  return (
    <div className="explorer-table-wrap">
      <table className="data-table explorer-table">
        <caption className="visually-hidden">{spec.name}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">id</th>
            {spec.fields.map((field) => (
              <th key={field.name} scope="col">
                {field.name}
              </th>
            ))}
            {readColumns.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const label = String(row.name ?? row.id);
            const editing = row.id === editingId;
            return (
              <tr key={row.id} className={editing ? 'editing' : undefined}>
                <td className="explorer-id">{row.id}</td>
                {spec.fields.map((field) => (
                  <td key={field.name} className={field.kind === 'integer' ? 'num' : undefined}>
                    {formatCell(row[field.name])}
                  </td>
                ))}
                {readColumns.map((name) => (
                  <td key={name} className={typeof row[name] === 'number' ? 'num' : undefined}>
                    {formatCell(row[name])}
                  </td>
                ))}
                <td className="explorer-actions">
                  {spec.cancelOnly ? (
                    <button
                      type="button"
                      className="danger"
                      disabled={row.status === 'cancelled'}
                      onClick={() => onCancel?.(row)}
                    >
                      Cancel order<span className="visually-hidden"> {row.id}</span>
                    </button>
                  ) : (
                    <>
                      <button type="button" aria-pressed={editing} onClick={() => onEdit(row)}>
                        Edit<span className="visually-hidden"> {label}</span>
                      </button>
                      <button type="button" className="danger" onClick={() => onDelete(row)}>
                        Delete<span className="visually-hidden"> {label}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function formatCell(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
