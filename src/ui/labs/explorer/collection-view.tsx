import { useState } from 'react';
import { DeleteDialog } from './delete-dialog.tsx';
import { useExplorerStore } from './explorer-store.ts';
import { RowForm } from './row-form.tsx';
import { RowsSection } from './rows-section.tsx';
import type { ResourceSpec, Row } from './resources.ts';

/** One collection: its table on the left, the create or edit form beside it. */
export function CollectionView({ spec }: { spec: ResourceSpec }) {
  const [editing, setEditing] = useState<Row | undefined>();
  const [deleting, setDeleting] = useState<{ row: Row; lastOnPage: boolean } | undefined>();
  const offset = useExplorerStore((state) => state.offsets[spec.name]);
  const pageSize = useExplorerStore((state) => state.pageSize);
  const setOffset = useExplorerStore((state) => state.setOffset);

  return (
    <div className="explorer-body">
      <RowsSection
        spec={spec}
        editingId={editing?.id}
        onEdit={setEditing}
        onDelete={(row, lastOnPage) => setDeleting({ row, lastOnPage })}
      />
      <RowForm
        key={editing?.id ?? 'new'}
        spec={spec}
        editing={editing}
        onCancelEdit={() => setEditing(undefined)}
        onCreated={() => setOffset(spec.name, 0)}
      />
      {deleting && (
        <DeleteDialog
          spec={spec}
          row={deleting.row}
          onClose={() => setDeleting(undefined)}
          onDeleted={() => {
            if (editing?.id === deleting.row.id) setEditing(undefined);
            // The page would be empty: step back to the one before.
            if (deleting.lastOnPage && offset > 0) setOffset(spec.name, offset - pageSize);
          }}
        />
      )}
    </div>
  );
}
