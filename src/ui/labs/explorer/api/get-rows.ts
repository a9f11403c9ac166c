import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { sendOrThrow } from '../../../shared/http.ts';
import { useEngineStore } from '../../../stores/engine-store.ts';
import { collectionPath, type CollectionName, type RowPage } from '../resources.ts';
import { collectionKey } from './query-keys.ts';

export interface PageParams {
  offset: number;
  limit: number;
}

/** GET /api/v1/{collection}?offset&limit: one page, newest first. */
export async function getRows(collection: CollectionName, page: PageParams): Promise<RowPage> {
  const query = new URLSearchParams({ offset: String(page.offset), limit: String(page.limit) });
  const result = await sendOrThrow<RowPage>(`${collectionPath(collection)}?${query}`);
  return result.body as RowPage;
}

/**
 * The data version is part of the key: any change to the collection (from this lab, another
 * lab, the composer or a reset) makes a new key, so the table refetches after the change.
 */
export const getRowsQueryOptions = (
  collection: CollectionName,
  page: PageParams,
  dataVersion: number,
) =>
  queryOptions({
    queryKey: [...collectionKey(collection), 'list', page, dataVersion] as const,
    queryFn: () => getRows(collection, page),
    // Keep showing the old rows while the next version loads: no flicker on every change.
    placeholderData: keepPreviousData,
  });

export function useRows(collection: CollectionName, page: PageParams) {
  const dataVersion = useEngineStore((state) => state.dataVersion[collection] ?? 0);
  return useQuery(getRowsQueryOptions(collection, page, dataVersion));
}
