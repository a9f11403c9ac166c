import type { Scenario } from '../scenario.ts';
import type { CachingStep } from './steps.ts';

/**
 * The caching lab's four claims, as data. The lab's player, scenarios.test.ts (against the core)
 * and e2e/caching.spec.ts (through the worker) run exactly these.
 */
export const CACHING_SCENARIOS: readonly Scenario<CachingStep>[] = [
  {
    id: 'not-modified-saves-bytes',
    lab: 'caching',
    title: '304 saves the bytes',
    summary:
      'A page of products is no-cache: the client keeps it but asks every time. The first GET brings the whole page; the second sends If-None-Match with its weak ETag, and the API answers 304 with no body: the client reuses what it has.',
    steps: [
      { kind: 'policy', directives: 'public, max-age=60' },
      { kind: 'get', client: 'a', target: 'page', as: 'first' },
      { kind: 'get', client: 'a', target: 'page', as: 'second' },
      { kind: 'restore' },
    ],
    expected: [
      { metric: 'first.apiStatus', op: 'eq', value: 200, claim: 'the first GET is a full 200' },
      { metric: 'first.apiBytes', op: 'gt', value: 1000, claim: '…carrying the whole page' },
      { metric: 'second.private', op: 'eq', value: 'revalidated', claim: 'the second revalidates' },
      { metric: 'second.apiStatus', op: 'eq', value: 304, claim: 'the API answers 304' },
      { metric: 'second.apiBytes', op: 'eq', value: 0, claim: 'with no body: 0 bytes' },
      {
        metric: 'second.sameBody',
        op: 'eq',
        value: true,
        claim: 'and the client shows the same page, from its cache',
      },
    ],
  },
  {
    id: 'if-match-stops-lost-update',
    lab: 'caching',
    title: 'If-Match stops the lost update',
    summary:
      'Alice and Bob read the same product. Alice renames it; Bob, from his old copy, changes the price and PUTs the whole product. Without If-Match, Bob silently overwrites Alice’s name. With If-Match, Bob gets 412, reads again, merges and retries: both changes stay. With preconditions required, a PUT without If-Match is refused: 428.',
    steps: [
      { kind: 'get', client: 'a', target: 'product', as: 'aliceReads' },
      { kind: 'get', client: 'b', target: 'product', as: 'bobReads' },
      {
        kind: 'put',
        client: 'a',
        change: { name: 'Renamed by Alice {run}' },
        ifMatch: false,
        as: 'alice',
      },
      { kind: 'put', client: 'b', change: { price_cents: 999 }, ifMatch: false, as: 'blind' },
      { kind: 'get', client: 'a', target: 'product', as: 'aliceReadsAgain' },
      { kind: 'get', client: 'b', target: 'product', as: 'bobReadsAgain' },
      {
        kind: 'put',
        client: 'a',
        change: { name: 'Renamed by Alice again {run}' },
        ifMatch: true,
        as: 'alice2',
      },
      { kind: 'put', client: 'b', change: { price_cents: 1999 }, ifMatch: true, as: 'guarded' },
      { kind: 'merge-retry', client: 'b', change: { price_cents: 1999 }, as: 'retry' },
      { kind: 'require-preconditions', on: true },
      { kind: 'put', client: 'b', change: { stock: 1 }, ifMatch: false, as: 'required' },
      { kind: 'restore' },
    ],
    expected: [
      {
        metric: 'blind.status',
        op: 'eq',
        value: 200,
        claim: 'without If-Match Bob’s PUT succeeds…',
      },
      {
        metric: 'blind.keptOthers',
        op: 'eq',
        value: false,
        claim: '…and Alice’s name is silently gone: the lost update',
      },
      {
        metric: 'guarded.status',
        op: 'eq',
        value: 412,
        claim: 'with If-Match, Bob’s stale PUT is 412',
      },
      { metric: 'retry.status', op: 'eq', value: 200, claim: 'refetch, merge, retry: 200' },
      { metric: 'retry.keptOthers', op: 'eq', value: true, claim: 'and Alice’s change is kept' },
      { metric: 'required.status', op: 'eq', value: 428, claim: 'preconditions required: 428' },
    ],
  },
  {
    id: 'no-store-never-stored',
    lab: 'caching',
    title: 'no-store is never stored',
    summary:
      'Products answered with Cache-Control: no-store. Client A asks twice through its own cache and the CDN: neither keeps it, so both requests go all the way to the API.',
    steps: [
      { kind: 'policy', directives: 'no-store' },
      { kind: 'get', client: 'a', target: 'product', viaCdn: true, as: 'first' },
      { kind: 'get', client: 'a', target: 'product', viaCdn: true, as: 'second' },
      { kind: 'restore' },
    ],
    expected: [
      {
        metric: 'first.stored',
        op: 'eq',
        value: false,
        claim: 'the private cache does not keep it',
      },
      { metric: 'first.cdnStored', op: 'eq', value: false, claim: 'nor does the CDN' },
      {
        metric: 'second.apiStatus',
        op: 'eq',
        value: 200,
        claim: 'so the second GET reaches the API',
      },
      { metric: 'second.private', op: 'eq', value: 'miss', claim: 'a miss again, every time' },
    ],
  },
  {
    id: 'shared-cache-not-private',
    lab: 'caching',
    title: 'A shared cache must not keep private',
    summary:
      'Products answered with Cache-Control: private, max-age=60. Client A’s own cache keeps it and serves A again without a request; the CDN must not keep it, so client B’s request goes to the API instead of getting A’s copy.',
    steps: [
      { kind: 'policy', directives: 'private, max-age=60' },
      { kind: 'get', client: 'a', target: 'product', viaCdn: true, as: 'a1' },
      { kind: 'get', client: 'b', target: 'product', viaCdn: true, as: 'b1' },
      { kind: 'get', client: 'a', target: 'product', viaCdn: true, as: 'a2' },
      { kind: 'restore' },
    ],
    expected: [
      {
        metric: 'a1.cdnStored',
        op: 'eq',
        value: false,
        claim: 'the CDN does not store a private answer',
      },
      { metric: 'b1.apiStatus', op: 'eq', value: 200, claim: 'so B’s request goes to the API' },
      { metric: 'a2.private', op: 'eq', value: 'hit', claim: 'A’s own cache serves A again' },
      { metric: 'a2.apiStatus', op: 'eq', value: 0, claim: 'without any request' },
    ],
  },
];
