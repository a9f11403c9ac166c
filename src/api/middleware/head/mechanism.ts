import type { MechanismFactory } from '../../pipeline.ts';
import { headWithoutBody } from './head.ts';

/** HEAD answered as GET without its content (RFC 9110 §9.3.2). */
export const headMechanism: MechanismFactory = () => ({
  name: 'head',
  layers: { head: headWithoutBody },
});
