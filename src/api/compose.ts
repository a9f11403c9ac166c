/**
 * Middleware composition, onion style (the shape of hono's and koa's `compose`): each middleware
 * reads the request, awaits `next()`, then shapes the response the inner layers left on the context.
 */
export type Next = () => Promise<void>;
export type Middleware<C> = (context: C, next: Next) => Promise<void> | void;

const DONE: Promise<void> = Promise.resolve();

export function compose<C>(middleware: readonly Middleware<C>[]): (context: C) => Promise<void> {
  return function run(context) {
    let lastIndex = -1;
    // Not an async function: a layer's own promise is passed on as it is, so each request
    // allocates one promise per async layer instead of two (this runs a dozen times a request).
    const dispatch = (index: number): Promise<void> => {
      if (index <= lastIndex) return Promise.reject(new Error('next() called more than once'));
      lastIndex = index;
      const layer = middleware[index];
      if (!layer) return DONE;
      try {
        return Promise.resolve(layer(context, () => dispatch(index + 1)));
      } catch (error) {
        return Promise.reject(error);
      }
    };
    return dispatch(0);
  };
}
