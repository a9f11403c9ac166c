import { http } from 'msw';
import type { Api } from '../../api/create-api.ts';

/**
 * MSW handlers that hand every /api and /__admin request to the core, untouched. MSW stays a
 * plain matcher here: the core decides everything (404, 405, problems), so the browser, Node
 * tests and the node:http server all answer the same way.
 * @param base the origin to match: `location.origin` in the page, `*` under msw/node (where a
 *   bare "/api/*" never matches). A base is needed in the page: a bare "*\/api/*" would also
 *   catch the dev server's own module files under /src/api/.
 */
export function createHandlers(api: Api, base: string) {
  const forward = ({ request }: { request: Request }) => api.fetch(request);
  return [http.all(`${base}/api/*`, forward), http.all(`${base}/__admin/*`, forward)];
}
