import type { MechanismFactory } from '../../pipeline.ts';
import { errorBoundary } from './error-boundary.ts';

/** Thrown problems become problem+json; anything else a 500 that exposes nothing (RFC 9457). */
export const errorBoundaryMechanism: MechanismFactory = () => ({
  name: 'error-boundary',
  layers: { 'error-boundary': errorBoundary },
  describe: () => ({ problems: { 500: ['internal-error'] } }),
});
