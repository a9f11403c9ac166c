import type { RoutePolicies } from '../../routes/route.ts';
import type { CrudOperation } from '../../resources/resource-definition.ts';
import type { AuthPolicy, Ownership } from './policy.ts';

/**
 * Rows that belong to a user (shared API.md §6): a caller without the `admin` scope
 * - creates a row only with `field` set to its own `sub` (403 otherwise);
 * - changes or deletes only its own rows (403 `scope="admin"` otherwise), checked before the body
 *   is read and again inside the write's transaction;
 * - reads another's row as 404, so that existence does not leak;
 * - gets `context.var.ownerOnly` on list requests: the list must keep only its own rows.
 * Admins are not restricted. A resource adopts it with one line in its definition:
 *
 *   policies: ownedBy('user_id'),                       // orders: every operation
 *   policies: ownedBy('id', ['replace', 'patch']),      // users: only their own record
 */
export function ownedBy(
  field: string,
  operations: readonly CrudOperation[] = ['list', 'create', 'read', 'replace', 'patch', 'delete'],
  more: AuthPolicy = {},
): Partial<Record<CrudOperation, RoutePolicies>> {
  const owner: Ownership = { field };
  return Object.fromEntries(
    operations.map((operation) => [operation, { auth: { ...more, owner } }]),
  );
}

declare module '../../context.ts' {
  interface ContextVariables {
    /** Set on a list request by a non-admin caller of an owned resource: keep only these rows. */
    ownerOnly: { field: string; value: string };
  }
}
