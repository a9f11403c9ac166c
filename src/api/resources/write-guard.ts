import type { ApiContext } from '../context.ts';
import type { Row } from '../store/row.ts';

declare module '../context.ts' {
  interface ContextVariables {
    /**
     * Checks a mechanism made before the handler, made again inside the write's transaction
     * against the row as it is at that moment (a conditional request's If-Match, say): while the
     * body arrived, another request may have changed the row. Throwing aborts the write.
     */
    writeGuards: WriteGuard[];
  }
}

/**
 * A check on a write, made against the row as it is now (`current`: undefined for a create) and
 * the row it is about to become (`next`: undefined for a delete).
 */
export type WriteGuard = (current: Row | undefined, next: Row | undefined) => void;

export function addWriteGuard(context: ApiContext, guard: WriteGuard): void {
  (context.var.writeGuards ??= []).push(guard);
}

/** Runs the guards; called by every write inside its transaction, before it changes the row. */
export function runWriteGuards(
  context: ApiContext,
  current: Row | undefined,
  next: Row | undefined,
): void {
  for (const guard of context.var.writeGuards ?? []) guard(current, next);
}
