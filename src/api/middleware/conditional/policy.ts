declare module '../../routes/route.ts' {
  interface RoutePolicies {
    /**
     * What validators the route's 200 carries and which preconditions it evaluates (shared API.md
     * §9): `item` a strong ETag and Last-Modified, evaluated for reads and writes; `list` a weak
     * ETag, for reads. Routes without it are left alone.
     */
    validators?: 'item' | 'list';
  }
}

export {};
