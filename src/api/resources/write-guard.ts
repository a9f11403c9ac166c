import type { ApiContext } from '../context.ts';
import type { Row } from '../store/row.ts';

declare module '../context.ts' {
  interface ContextVariables {
    /**
     * Checks a mechanism made before the handler, made again inside the write's transaction
     * against the row as it is at that moment (a conditional request's If-Match, say): while the
     * body arrived, another request may have changed the row. Throwing aborts the write.
     */
    writeGuards: ((current: Row) => void)[];
  }
}

export function addWriteGuard(context: ApiContext, guard: (current: Row) => void): void {
  (context.var.writeGuards ??= []).push(guard);
}

/** Runs the guards; called by every write inside its transaction, before it changes the row. */
export function runWriteGuards(context: ApiContext, current: Row): void {
  for (const guard of context.var.writeGuards ?? []) guard(current);
}
