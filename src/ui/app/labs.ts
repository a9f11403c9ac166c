import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { cite, type StandardRef } from '../../api/standards.ts';

/** A lab as the navigation shows it: where it lives, what it teaches, and its code (lazy). */
export interface Lab {
  id: string;
  path: string;
  title: string;
  /** One or two sentences that open the lab's page. */
  intro: string;
  /** One short sentence for the home page's card. */
  summary: string;
  standards: StandardRef[];
  Component: LazyExoticComponent<ComponentType>;
}

/**
 * Every lab that exists, in navigation order. A lab is a folder under src/ui/labs; it appears
 * here once it works, and its code loads only when its page is opened.
 */
export const LABS: readonly Lab[] = [
  {
    id: 'explorer',
    summary: 'Create, edit (PUT or PATCH) and delete users and products, each a real request.',
    path: '/explorer',
    title: 'Explorer',
    intro:
      'Browse, create, edit and delete users and products. Every action is a real HTTP request: watch it in the log below, with the rule that decided its outcome.',
    standards: [cite('RFC 9110'), cite('RFC 7396'), cite('RFC 9457')],
    Component: lazy(() => import('../labs/explorer/explorer-lab.tsx')),
  },
  {
    id: 'composer',
    summary:
      'Write any request by hand and read the whole answer; presets for the mistakes worth making.',
    path: '/composer',
    title: 'Composer',
    intro:
      'Write any request by hand (method, path, headers, body) and see exactly what the API answers. Try a wrong Content-Type, a missing field, or a method the path does not allow.',
    standards: [cite('RFC 9110'), cite('RFC 9457'), cite('RFC 6901')],
    Component: lazy(() => import('../labs/composer/composer-lab.tsx')),
  },
  {
    id: 'pagination',
    summary:
      'Offset against keyset cursors while rows move under the walkers, and what a deep page costs.',
    path: '/pagination',
    title: 'Pagination',
    intro:
      'Offset against keyset (cursor) pagination, on real requests. Walk one list three ways while rows are inserted and deleted under the walkers, and watch offset repeat and skip rows while the cursor stays exact; then chart what a page costs as it goes deeper, up to a million rows.',
    standards: [
      cite('RFC 8288'),
      cite('RFC 2104'),
      cite(
        'PostgreSQL: LIMIT and OFFSET',
        'https://www.postgresql.org/docs/current/queries-limit.html',
      ),
    ],
    Component: lazy(() => import('../labs/pagination/pagination-lab.tsx')),
  },
  {
    id: 'rate-limit',
    summary: 'Five limiter algorithms on real requests, bucket levels charted over virtual time.',
    path: '/rate-limit',
    title: 'Rate limit',
    intro:
      'Five rate-limit algorithms on real requests: set a policy, send a burst or a steady stream, and watch the limiter admit or refuse each one (429 with Retry-After) while the bucket level is charted over virtual time. Then replay one trace through all five side by side.',
    standards: [
      cite(
        'draft-ietf-httpapi-ratelimit-headers',
        'https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/',
      ),
      cite('RFC 6585 §4'),
      cite('RFC 8941'),
      cite('RFC 9110 §10.2.3'),
    ],
    Component: lazy(() => import('../labs/rate-limit/rate-limit-lab.tsx')),
  },
  {
    id: 'auth',
    summary:
      'Signed tokens, 401 versus 403, refresh and key rotation, and forgeries sent for real.',
    path: '/auth',
    title: 'Auth',
    intro:
      'Real JWTs signed with jose, and an API that refuses forgeries: send each attack of the gallery for real and see which check of which standard refused it, under the BCP verifier and a naive one. Then 401 against 403, refresh rotation, key rotation over virtual time, and a weak secret cracked in a worker.',
    standards: [cite('RFC 8725'), cite('RFC 9068'), cite('RFC 6750 §3'), cite('RFC 9700 §4.14.2')],
    Component: lazy(() => import('../labs/auth/auth-lab.tsx')),
  },
  {
    id: 'caching',
    summary:
      'ETags, 304s and Cache-Control on real requests: a client cache you can watch, a CDN, the lost update.',
    path: '/caching',
    title: 'Caching',
    intro:
      'Conditional requests and HTTP caching on real requests. The page keeps its own cache: watch entries go fresh, stale and revalidated (304) over virtual time, each step of the server’s RFC 9110 §13.2.2 decision, every Cache-Control directive on two clients and a CDN, and the lost update that If-Match prevents.',
    standards: [cite('RFC 9110 §13'), cite('RFC 9111'), cite('RFC 6585 §3'), cite('RFC 5861')],
    Component: lazy(() => import('../labs/caching/caching-lab.tsx')),
  },
  {
    id: 'idempotency',
    summary: 'A lost answer doubles an order; a key makes the retry safe.',
    path: '/idempotency',
    title: 'Idempotency',
    intro:
      'The server placed the order, the answer was lost, the client retried: two orders, twice the stock. Play it without a key and with one, double-click a slow submit, and watch each key go from in flight to completed to expired; then see which methods are safe and idempotent, and retry with backoff against injected faults.',
    standards: [
      cite(
        'draft-ietf-httpapi-idempotency-key-header',
        'https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/',
      ),
      cite('RFC 8785'),
      cite('RFC 9110 §9.2'),
      cite('RFC 8941'),
    ],
    Component: lazy(() => import('../labs/idempotency/idempotency-lab.tsx')),
  },
  {
    id: 'oauth',
    summary:
      'Authorization code with PKCE and client credentials, arrow by arrow, and the attacks they stop.',
    path: '/oauth',
    title: 'OAuth',
    intro:
      'OAuth 2 on real requests. Step through the authorization code flow with PKCE as a sequence diagram (each arrow a request in the log, each parameter with what it defends against), then client credentials; then run the attacks: a stolen code, a replayed one, plain PKCE, a foreign redirect URI, a forged state.',
    standards: [
      cite('RFC 6749'),
      cite('RFC 7636'),
      cite('RFC 9700'),
      cite('RFC 9207'),
      cite('RFC 8414'),
      cite('RFC 7009'),
    ],
    Component: lazy(() => import('../labs/oauth/oauth-lab.tsx')),
  },
];
