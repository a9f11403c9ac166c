import type { ResourceSpec, Row } from './resources.ts';

interface RowsTableProps {
  spec: ResourceSpec;
  rows: Row[];
  editingId: string | undefined;
  onEdit(row: Row): void;
  onDelete(row: Row): void;
}

/** The page's rows. Every value renders as text: names and emails are whatever a client sent. */
export function RowsTable({ spec, rows, editingId, onEdit, onDelete }: RowsTableProps) {
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
                <td className="explorer-actions">
                  <button type="button" aria-pressed={editing} onClick={() => onEdit(row)}>
                    Edit<span className="visually-hidden"> {label}</span>
                  </button>
                  <button type="button" className="danger" onClick={() => onDelete(row)}>
                    Delete<span className="visually-hidden"> {label}</span>
                  </button>
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
