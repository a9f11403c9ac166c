import type { ApiContext } from '../context.ts';
import { ProblemError } from '../problems.ts';
import type { ResourceDefinition } from './resource-definition.ts';

/**
 * Where a resource's write-only fields go (users' `password`). The auth mechanism supplies one
 * on every request's context; the CRUD routes never store the values in the row, so no
 * representation, list, change event, ETag or journal entry can carry them.
 */
export interface WriteOnlyKeeper {
  /**
   * The slow part, before the write's transaction (hashing is asynchronous). Returns the step
   * that keeps the result for the row's id, run inside the transaction as its last step.
   * `values` holds only the write-only fields the client sent.
   */
  seal(
    resource: string,
    values: Record<string, unknown>,
    creating: boolean,
  ): Promise<((id: string) => void) | undefined>;
  /** The row was deleted: its sealed values go with it (inside the same transaction). */
  forget(resource: string, id: string): void;
}

declare module '../context.ts' {
  interface ContextVariables {
    writeOnlyKeeper: WriteOnlyKeeper;
  }
}

/** The write-only values the body carries (already validated), without the row fields. */
export function writeOnlyValues(
  resource: ResourceDefinition,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(resource.writeOnly?.shape ?? {}))
    if (Object.hasOwn(body, key)) values[key] = body[key];
  return values;
}

/** Seals what a write carries, or nothing when the resource has no write-only fields. */
export async function sealWriteOnly(
  context: ApiContext,
  resource: ResourceDefinition,
  body: Record<string, unknown>,
  creating: boolean,
): Promise<((id: string) => void) | undefined> {
  if (!resource.writeOnly) return undefined;
  const keeper = context.var.writeOnlyKeeper;
  // Without a keeper the value would be lost silently; refusing says so.
  if (!keeper) throw new ProblemError('internal-error', 'No keeper for write-only fields.');
  return keeper.seal(resource.name, writeOnlyValues(resource, body), creating);
}
