import type { Scenario } from '../scenario.ts';
import type { IdempotencyStep } from './steps.ts';

/**
 * The idempotency lab's four claims, as data. The lab's player, scenarios.test.ts (against the
 * core) and e2e/idempotency.spec.ts (through the worker) all run exactly these.
 */
export const IDEMPOTENCY_SCENARIOS: readonly Scenario<IdempotencyStep>[] = [
  {
    id: 'lost-response-doubles',
    lab: 'idempotency',
    title: 'A lost response doubles the order',
    summary:
      'The server places the order, the answer is lost, the client retries without a key: the server cannot tell a retry from a new order, so there are two orders and twice the stock gone.',
    steps: [
      { kind: 'setup', stock: 10 },
      { kind: 'lose-next-answer' },
      { kind: 'order', as: 'first' },
      { kind: 'order', as: 'retry', retry: true },
      { kind: 'observe', as: 'after' },
    ],
    expected: [
      {
        metric: 'first.status',
        op: 'eq',
        value: 0,
        claim: 'the client never got the first answer',
      },
      { metric: 'retry.status', op: 'eq', value: 201, claim: 'the retry is taken as a new order' },
      { metric: 'after.orders', op: 'eq', value: 2, claim: 'two orders where one was meant' },
      { metric: 'after.stock', op: 'eq', value: 8, claim: 'and twice the stock gone' },
    ],
  },
  {
    id: 'key-makes-retry-safe',
    lab: 'idempotency',
    title: 'The key makes the retry safe',
    summary:
      'The same lost answer, but the order carries an Idempotency-Key: the retry with the same key and body is answered from the saved record, so there is one order and the stock is taken once.',
    steps: [
      { kind: 'setup', stock: 10 },
      { kind: 'lose-next-answer' },
      { kind: 'order', as: 'first', key: 'checkout' },
      { kind: 'order', as: 'retry', key: 'checkout', retry: true },
      { kind: 'observe', as: 'after' },
    ],
    expected: [
      { metric: 'first.status', op: 'eq', value: 0, claim: 'the first answer is lost again' },
      { metric: 'retry.status', op: 'eq', value: 201, claim: 'the retry gets the saved 201' },
      { metric: 'retry.replayed', op: 'eq', value: true, claim: 'marked Idempotent-Replayed' },
      { metric: 'after.orders', op: 'eq', value: 1, claim: 'one order' },
      { metric: 'after.stock', op: 'eq', value: 9, claim: 'the stock taken once' },
    ],
  },
  {
    id: 'double-click-in-flight',
    lab: 'idempotency',
    title: 'A double click is refused while in flight',
    summary:
      'Two submits with the same key while the first is still running (held 400 ms): the second cannot be answered from a record that does not exist yet, so it is refused with 409, and only one order is made.',
    steps: [
      { kind: 'setup', stock: 10 },
      { kind: 'double-click', as: 'click', key: 'submit', holdMs: 400 },
      { kind: 'observe', as: 'after' },
    ],
    expected: [
      { metric: 'click.second', op: 'eq', value: 409, claim: 'the second submit is refused: 409' },
      { metric: 'click.first', op: 'eq', value: 201, claim: 'the first completes: 201' },
      { metric: 'after.orders', op: 'eq', value: 1, claim: 'one order' },
    ],
  },
  {
    id: 'key-expires',
    lab: 'idempotency',
    title: 'A key expires',
    summary:
      'Keys are kept for idempotency.retention_ms after their request completed (60 s here, on the virtual clock). Within it the same key replays; after it the key is forgotten and the same request is new work.',
    steps: [
      { kind: 'retention', ms: 60_000 },
      { kind: 'setup', stock: 10 },
      { kind: 'order', as: 'first', key: 'monthly' },
      { kind: 'key-state', as: 'kept', key: 'monthly' },
      { kind: 'advance', ms: 59_000 },
      { kind: 'order', as: 'within', key: 'monthly', retry: true },
      { kind: 'advance', ms: 1_000 },
      { kind: 'key-state', as: 'later', key: 'monthly' },
      { kind: 'order', as: 'after', key: 'monthly', retry: true },
      { kind: 'observe', as: 'end' },
      { kind: 'restore' },
    ],
    expected: [
      { metric: 'kept.state', op: 'eq', value: 'completed', claim: 'the record is saved' },
      { metric: 'within.replayed', op: 'eq', value: true, claim: 'at 59 s the key replays' },
      { metric: 'later.state', op: 'eq', value: 'gone', claim: 'at 60 s it is forgotten' },
      { metric: 'after.replayed', op: 'eq', value: false, claim: 'so the same key is new work' },
      { metric: 'end.orders', op: 'eq', value: 2, claim: 'two orders in all' },
    ],
  },
];
