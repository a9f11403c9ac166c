import type { DeleteTarget } from './mutator.ts';

/** The step kinds of a pagination scenario; each maps onto a drift-lab action. */
export type DriftStep =
  | { kind: 'reset'; rows: number; limit: number; seed: number }
  /** Every walker reads its next page. */
  | { kind: 'step' }
  /** Rows at the head, in one new virtual second. */
  | { kind: 'insert'; count: number }
  | { kind: 'delete'; target: DeleteTarget }
  /** Every walker steps until the end of the list. */
  | { kind: 'finish' };
