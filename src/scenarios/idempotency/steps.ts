/**
 * The step kinds of the idempotency scenarios. Each names the metrics it records, so the
 * scenarios' expectations can refer to them: `<as>.status`, `<as>.replayed`, `<as>.orders`, …
 */
export type IdempotencyStep =
  /** A product of the scenario's own with this stock, and a user to order for. */
  | { kind: 'setup'; stock: number }
  /** The next answer is lost after the work is done (POST /__admin/faults/next). */
  | { kind: 'lose-next-answer' }
  /**
   * One order of 1 (with `key`, an Idempotency-Key unique to the run): records `<as>.status`
   * (0 for a lost answer) and `<as>.replayed`.
   */
  | { kind: 'order'; as: string; key?: string; retry?: boolean }
  /**
   * Two submits with the same key, the second while the first is held for `holdMs` of real
   * time: records `<as>.first` and `<as>.second` (their statuses).
   */
  | { kind: 'double-click'; as: string; key: string; holdMs: number }
  /** Reads the scenario's product and its orders: records `<as>.orders` and `<as>.stock`. */
  | { kind: 'observe'; as: string }
  /** Keys kept `ms` of virtual time (the settings and clock come back at `restore`). */
  | { kind: 'retention'; ms: number }
  /** Moves the virtual clock on. */
  | { kind: 'advance'; ms: number }
  /** Reads the key's record: records `<as>.state` (in_flight, completed or gone). */
  | { kind: 'key-state'; as: string; key: string }
  /** Puts back the settings and the clock as they were before the first `retention` step. */
  | { kind: 'restore' };
