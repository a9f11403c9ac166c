import { useEffect, useRef } from 'react';
import { ProblemResponseError } from '../../shared/http.ts';
import { ProblemBox } from '../../shared/problem-box.tsx';
import { useDeleteRow } from './api/delete-row.ts';
import { rowPath, type ResourceSpec, type Row } from './resources.ts';

interface DeleteDialogProps {
  spec: ResourceSpec;
  row: Row;
  onClose(): void;
  onDeleted(): void;
}

/** A modal confirmation (native <dialog>: focus stays inside, Escape cancels). */
export function DeleteDialog({ spec, row, onClose, onDeleted }: DeleteDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const remove = useDeleteRow(spec.name);
  const path = rowPath(spec.name, row.id);

  // No cleanup: removing an open dialog from the page closes it, and closing it here would fire
  // a late `close` event under StrictMode's mount-unmount-mount.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const confirm = () =>
    remove.mutate(row.id, {
      onSuccess: () => {
        onDeleted();
        onClose();
      },
    });
  const error = remove.error;

  return (
    <dialog
      ref={ref}
      className="explorer-dialog"
      aria-labelledby="explorer-delete-title"
      onClose={onClose}
    >
      <h2 id="explorer-delete-title">
        Delete {spec.singular} {String(row.name ?? '')}?
      </h2>
      <p>
        This sends <code>DELETE {path}</code>. The answer is <code>204 No Content</code>; afterwards
        a GET of that URI is a 404, and so is a second DELETE.
      </p>
      {error &&
        (error instanceof ProblemResponseError && error.problem ? (
          <ProblemBox problem={error.problem} />
        ) : (
          <p className="problem-box" role="alert">
            {error.message}
          </p>
        ))}
      <div className="explorer-form-actions">
        <button type="button" autoFocus onClick={() => ref.current?.close()}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={remove.isPending}>
          Delete {row.id}
        </button>
      </div>
    </dialog>
  );
}
