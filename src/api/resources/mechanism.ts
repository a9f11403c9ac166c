import { CursorKey } from '../pagination/cursor.ts';
import type { MechanismFactory } from '../pipeline.ts';
import { crudRoutes } from './crud-routes.ts';
import type { ResourceDefinition } from './resource-definition.ts';

/**
 * The resources under /api/v1 (shared API.md §2–§3): CRUD routes for each, and the key that
 * signs this instance's page cursors.
 */
export function resourcesMechanism(resources: readonly ResourceDefinition[]): MechanismFactory {
  return ({ env }) => {
    const cursorKey = new CursorKey();
    return {
      name: 'resources',
      routes: resources.flatMap((resource) =>
        (resource.routes ?? ((store, key) => crudRoutes(resource, store, key)))(
          env.store,
          cursorKey,
        ),
      ),
    };
  };
}
