import { http } from 'msw';
import type { Api } from '../../api/create-api.ts';
import type { ApiRequest } from '../../api/context.ts';

/**
 * The API's own paths: /api and /__admin and everything under them, /.well-known (the JWKS and
 * the OAuth metadata), and the authorization server's three endpoints. Not /oauth/callback: that
 * is the client's page, which the app serves (a followed redirect lands there).
 */
const API_PATH = /^\/(?:(?:api|__admin|\.well-known)(?:\/|$)|oauth\/(?:authorize|token|revoke)$)/;

/**
 * MSW handlers that hand every /api and /__admin request to the core. MSW stays a plain matcher
 * here: the core decides everything (404, 405, problems), so the browser, Node tests and the
 * node:http server all answer the same way.
 *
 * The match is a predicate, not a path pattern: MSW decodes a pattern's wildcard with
 * decodeURIComponent, so a path such as /api/v1/users/%E0%A4%A made MSW itself answer 500 with
 * a stack trace instead of the core's 404 problem.
 * A network error passes through as it is: when the core answers `Response.error()`, MSW makes
 * the caller's `fetch` reject with a TypeError, under msw/node and through the worker alike.
 * @see https://mswjs.io/docs/api/http-response#httpresponseerror
 * @param base the origin to match: `location.origin` in the page, `*` under msw/node (any
 *   origin). An origin is needed in the page: matching any origin would also catch requests to
 *   other hosts, and a looser path rule would catch the dev server's own files under /src/api/.
 */
export function createHandlers(api: Api, base: string) {
  const origin = base === '*' ? undefined : new URL(base).origin;
  const claims = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    return (origin === undefined || url.origin === origin) && API_PATH.test(url.pathname);
  };
  return [http.all(claims, async ({ request }) => api.fetch(await asSent(request)))];
}

/**
 * The request as the client sent it. MSW gives handlers a clone, whose body is one branch of a
 * tee: under msw/node, cancelling it (as the core does past max_body_bytes) waited for the
 * branch MSW keeps, and the 413 never came. And the worker hands a bodiless POST over with an
 * empty body of unknown length, which the core took for a body without a Content-Type (415);
 * a browser sends that POST as Content-Length: 0, i.e. no content. MSW holds the whole body in
 * memory already, so reading it here costs one copy, only for requests that have a body, and the
 * core takes the bytes as they are (no second Request, no second stream).
 */
async function asSent(request: Request): Promise<Request | ApiRequest> {
  if (request.body === null) return request;
  const bytes = new Uint8Array(await request.arrayBuffer());
  const { url, method, headers } = request;
  return bytes.byteLength > 0
    ? { url, method, headers, body: null, bodyBytes: bytes }
    : { url, method, headers, body: null };
}
