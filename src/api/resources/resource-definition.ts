import { z } from 'zod';
import type { CursorKey } from '../pagination/cursor.ts';
import type { AnyRoute, RoutePolicies } from '../routes/route.ts';
import type { CollectionSpec, Store } from '../store/store.ts';

/** The CRUD routes of a resource, by operation. */
export type CrudOperation = 'list' | 'create' | 'read' | 'replace' | 'patch' | 'delete';

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
  /** "User": the name of its schema in the OpenAPI document. */
  title: string;
  /** The writable fields. Fields with a default are optional on POST and PUT. */
  writeSchema: z.ZodObject;
  /** Server-managed fields beyond READ_ONLY_FIELDS (orders add `status`, `total_cents`). */
  extraReadOnly?: readonly string[];
  /** Their schemas, for the representation. */
  extraReadFields?: Record<string, z.ZodType>;
  /**
   * Write-only fields (users' `password`): validated with the others, never stored in the row
   * nor answered; the write hands them to the context's `writeOnlyKeeper` (src/api/resources/
   * write-only.ts), which keeps them sealed (a hash) in the same transaction.
   */
  writeOnly?: z.ZodObject;
  /** The policies each of its routes states, by operation, merged into the CRUD routes' own. */
  policies?: Partial<Record<CrudOperation, RoutePolicies>>;
  collection: CollectionSpec;
  /** Routes of its own instead of the generic CRUD ones (orders: stock, cancel, no PUT or DELETE). */
  routes?: (store: Store, cursorKey: CursorKey) => AnyRoute[];
}

/**
 * A row as the API answers it: the write fields with their defaults applied, and the read-only
 * fields the server sets (marked readOnly for the OpenAPI document). Named by `meta.id`, so the
 * document has one component per resource.
 */
export function representationSchema(resource: ResourceDefinition): z.ZodObject {
  return resource.writeSchema
    .extend({
      id: z.string().meta({ readOnly: true, description: 'Opaque, stable id.' }),
      created_at: z.iso
        .datetime()
        .meta({ readOnly: true, description: 'RFC 3339, virtual clock.' }),
      updated_at: z.iso
        .datetime()
        .meta({ readOnly: true, description: 'RFC 3339; changes only when a field does.' }),
      ...resource.extraReadFields,
    })
    .meta({ id: resource.title, title: resource.title });
}
