import type { CollectionName } from '../resources.ts';

/** Every explorer query of a collection starts with this, so one invalidation reaches them all. */
export const collectionKey = (collection: CollectionName) => ['explorer', collection] as const;
