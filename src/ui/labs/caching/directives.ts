/** The directives the lab demonstrates, each with its lesson and a sequence that shows it. */
export interface DirectiveDemo {
  id: string;
  directives: string;
  lesson: string;
  /** Requests by client, or clock moves in seconds. */
  play: readonly ('a' | 'b' | number)[];
}

export const DIRECTIVE_DEMOS: readonly DirectiveDemo[] = [
  {
    id: 'max-age',
    directives: 'public, max-age=60',
    lesson:
      'Fresh for 60 s everywhere: A’s second GET never leaves A; B gets the CDN’s copy; after 60 s both revalidate (304).',
    play: ['a', 'a', 'b', 61, 'a'],
  },
  {
    id: 'no-cache',
    directives: 'no-cache',
    lesson:
      'Stored, but never used without asking: every GET is a conditional request, answered 304 while nothing changed.',
    play: ['a', 'a', 'b'],
  },
  {
    id: 'no-store',
    directives: 'no-store',
    lesson:
      'Never stored, by any cache: every GET goes all the way to the API, with the whole body.',
    play: ['a', 'a', 'b'],
  },
  {
    id: 'must-revalidate',
    directives: 'max-age=30, must-revalidate',
    lesson:
      'Once stale it must not be served without asking (RFC 9111 §5.2.2.2). http-cache-semantics 4.3 is stricter: it revalidates must-revalidate answers even while fresh.',
    play: ['a', 'a', 31, 'a'],
  },
  {
    id: 'private',
    directives: 'private, max-age=60',
    lesson:
      'For one user only: A’s own cache keeps it, the CDN must not, so B’s GET goes to the API. Compare with public, max-age=60.',
    play: ['a', 'b', 'a'],
  },
  {
    id: 's-maxage',
    directives: 'public, max-age=10, s-maxage=60',
    lesson:
      'Shared caches use s-maxage, private ones max-age: after 15 s A’s copy is stale but the CDN’s is still fresh, so the CDN answers A’s revalidation without the API.',
    play: ['a', 15, 'a', 'b'],
  },
  {
    id: 'stale-while-revalidate',
    directives: 'public, max-age=10, stale-while-revalidate=30',
    lesson:
      'Up to 30 s past its freshness a stale copy is served at once while it is revalidated in the background (RFC 5861): the reader never waits.',
    play: ['a', 15, 'a', 'a'],
  },
];
