import type { z } from 'zod';
import type { CollectionSpec } from '../store/store.ts';

/** Fields the server sets; a client that sends one gets 422 (no mass assignment). */
export const READ_ONLY_FIELDS = ['id', 'created_at', 'updated_at'] as const;

/**
 * A resource served with full CRUD under /api/v1/{name}: its write schema, its collection spec
 * (seed, unique fields) and the human name of a row for messages.
 */
export interface ResourceDefinition {
  /** Plural path segment and collection name, e.g. "users". */
  name: string;
  /** "user", for messages. */
  singular: string;
  /** The writable fields. Fields with a default are optional on POST and PUT. */
  writeSchema: z.ZodObject;
  /** Server-managed fields beyond READ_ONLY_FIELDS (orders add `status`, `total_cents`). */
  extraReadOnly?: readonly string[];
  collection: CollectionSpec;
}
