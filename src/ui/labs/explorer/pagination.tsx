import { useId } from 'react';
import { PAGE_SIZES, useExplorerStore } from './explorer-store.ts';
import type { CollectionName, RowPage } from './resources.ts';

interface PaginationProps {
  collection: CollectionName;
  pagination: RowPage['pagination'];
  shown: number;
  fetching: boolean;
}

/** Offset pagination: where this page sits in the whole, previous/next, and the page size. */
export function Pagination({ collection, pagination, shown, fetching }: PaginationProps) {
  const setOffset = useExplorerStore((state) => state.setOffset);
  const setPageSize = useExplorerStore((state) => state.setPageSize);
  const sizeId = useId();
  const { offset, limit, total } = pagination;
  const range =
    shown === 0 ? `no rows at offset ${offset}` : `rows ${offset + 1}–${offset + shown}`;

  return (
    <div className="explorer-pagination">
      <button
        type="button"
        onClick={() => setOffset(collection, offset - limit)}
        disabled={offset === 0}
      >
        ← Previous
      </button>
      <button
        type="button"
        onClick={() => setOffset(collection, offset + limit)}
        disabled={offset + limit >= total}
      >
        Next →
      </button>
      <span aria-live="polite">
        {range} of {total}
        {fetching && <span className="explorer-updating"> · updating…</span>}
      </span>
      <span className="explorer-query">
        <code>
          ?offset={offset}&amp;limit={limit}
        </code>
      </span>
      <label htmlFor={sizeId} className="explorer-page-size">
        Page size
      </label>
      <select
        id={sizeId}
        value={limit}
        onChange={(event) => setPageSize(Number(event.target.value))}
      >
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </div>
  );
}
