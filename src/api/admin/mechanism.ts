import type { MechanismFactory } from '../pipeline.ts';
import { adminRoutes } from './admin-routes.ts';

/** The control API's own routes (shared API.md §4): reset, settings, clock. */
export const adminMechanism: MechanismFactory = ({ env, reset }) => ({
  name: 'admin',
  adminRoutes: adminRoutes({ reset }, env.store.collectionNames),
});
