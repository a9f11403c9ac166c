/**
 * The `Link` header of a page (RFC 8288 §3): `<target>; rel="next"` and friends, comma-separated.
 * Targets are relative references (resolved against the request's URL, §3.1), and keep the
 * request's own parameters and style: an offset request links to offsets, a cursor request to
 * cursors. Only the page position changes.
 * @see https://www.rfc-editor.org/rfc/rfc8288#section-3
 */
export type LinkRel = 'first' | 'prev' | 'next' | 'last';

/** The position each relation points at, as the query parameter that changes. */
export type LinkTargets = Partial<Record<LinkRel, { offset: number } | { cursor: string }>>;

const ORDER: readonly LinkRel[] = ['first', 'prev', 'next', 'last'];

export function linkHeader(url: URL, targets: LinkTargets): string {
  const links: string[] = [];
  for (const rel of ORDER) {
    const target = targets[rel];
    if (!target) continue;
    const params = new URLSearchParams(url.search);
    if ('offset' in target) params.set('offset', String(target.offset));
    else params.set('cursor', target.cursor);
    links.push(`<${url.pathname}?${params}>; rel="${rel}"`);
  }
  return links.join(', ');
}

/**
 * Offset links for a page at `offset`: `last` is the final page on the request's own grid
 * (offset + k·limit), so following `next` from here lands on it exactly; `prev` from past the
 * end is that last page.
 */
export function offsetTargets(offset: number, limit: number, total: number): LinkTargets {
  const last =
    total === 0 ? 0 : Math.max(0, offset + Math.floor((total - 1 - offset) / limit) * limit);
  const targets: LinkTargets = { first: { offset: 0 }, last: { offset: last } };
  if (offset > 0)
    targets.prev = { offset: offset >= total && total > 0 ? last : Math.max(0, offset - limit) };
  if (offset + limit < total) targets.next = { offset: offset + limit };
  return targets;
}
