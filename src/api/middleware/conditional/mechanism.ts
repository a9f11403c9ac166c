import type { MechanismFactory, RouteContribution } from '../../pipeline.ts';
import type { HeaderName } from '../../routes/headers.ts';
import type { AnyRoute } from '../../routes/route.ts';
import { conditional, noStoreByDefault } from './conditional.ts';

const READ_PRECONDITIONS: readonly HeaderName[] = [
  'If-None-Match',
  'If-Modified-Since',
  'If-Match',
  'If-Unmodified-Since',
];

/** Conditional requests and caching headers (shared API.md §9): ETags, 304, 412, 428. */
export const conditionalMechanism: MechanismFactory = () => ({
  name: 'conditional',
  layers: { 'cache-control': noStoreByDefault, preconditions: conditional },
  describe: (route: AnyRoute): RouteContribution => ({
    headers: ['Date'],
    ...describeRoute(route),
  }),
});

function describeRoute(route: AnyRoute): RouteContribution {
  const kind = route.policies?.validators;
  if (!kind) return {};
  if (route.method === 'GET') {
    return {
      requestHeaders: kind === 'list' ? ['If-None-Match'] : READ_PRECONDITIONS,
      successHeaders:
        kind === 'list' ? ['ETag', 'Cache-Control'] : ['ETag', 'Last-Modified', 'Cache-Control'],
      responses: {
        304: {
          description:
            'Not modified: the representation the validators name is still current. No body.',
          headers:
            kind === 'list'
              ? ['ETag', 'Cache-Control']
              : ['ETag', 'Last-Modified', 'Cache-Control'],
        },
        ...(kind === 'item'
          ? {
              412: {
                description: 'If-Match or If-Unmodified-Since does not hold.',
                problems: ['precondition-failed'],
              },
            }
          : {}),
      },
    };
  }
  if (route.method === 'POST')
    return { successHeaders: ['ETag', 'Last-Modified', 'Cache-Control'] };
  return {
    requestHeaders: ['If-Match', 'If-Unmodified-Since', 'If-None-Match'],
    successHeaders:
      route.method === 'DELETE' ? ['Cache-Control'] : ['ETag', 'Last-Modified', 'Cache-Control'],
    responses: {
      412: {
        description: 'A precondition does not hold: nothing was changed.',
        problems: ['precondition-failed'],
      },
      428: {
        description:
          'Preconditions are required (conditional.require_preconditions) and none was sent.',
        problems: ['precondition-required'],
      },
    },
  };
}
