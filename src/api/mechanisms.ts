import { adminMechanism } from './admin/mechanism.ts';
import { authMechanism } from './middleware/auth/mechanism.ts';
import { conditionalMechanism } from './middleware/conditional/mechanism.ts';
import { errorBoundaryMechanism } from './middleware/error-boundary/mechanism.ts';
import { idempotencyMechanism } from './middleware/idempotency/mechanism.ts';
import { faultsMechanism } from './middleware/faults/mechanism.ts';
import { headMechanism } from './middleware/head/mechanism.ts';
import { journalMechanism } from './middleware/journal/mechanism.ts';
import { rateLimitMechanism } from './middleware/rate-limit/mechanism.ts';
import { requestIdMechanism } from './middleware/request-id/mechanism.ts';
import { oauthMechanism } from './oauth/mechanism.ts';
import { openApiMechanism } from './openapi/mechanism.ts';
import type { MechanismFactory } from './pipeline.ts';
import { resourcesMechanism } from './resources/mechanism.ts';
import { orders } from './resources/orders.ts';
import { products } from './resources/products.ts';
import type { ResourceDefinition } from './resources/resource-definition.ts';
import { users } from './resources/users.ts';

export const RESOURCES: readonly ResourceDefinition[] = [users, products, orders];

/**
 * Every mechanism of the API, registered once. Where each one's middleware runs is decided by
 * its slots (src/api/pipeline.ts), not by its place in this list.
 */
export const MECHANISMS: readonly MechanismFactory[] = [
  requestIdMechanism,
  journalMechanism,
  headMechanism,
  errorBoundaryMechanism,
  rateLimitMechanism,
  conditionalMechanism,
  idempotencyMechanism,
  faultsMechanism,
  resourcesMechanism(RESOURCES),
  // After the resources: the document lists their routes (and tags) first.
  authMechanism,
  oauthMechanism,
  adminMechanism,
  openApiMechanism,
];
