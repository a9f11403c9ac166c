import type { QueryClient } from '@tanstack/react-query';
import type { CollectionName } from '../resources.ts';
import { collectionKey } from './query-keys.ts';

/**
 * After a write. The bridge's data-version bump usually has a refetch running already;
 * cancelRefetch: false keeps that one instead of sending the same GET twice.
 */
export function invalidateCollection(client: QueryClient, collection: CollectionName) {
  return client.invalidateQueries(
    { queryKey: collectionKey(collection) },
    { cancelRefetch: false },
  );
}
