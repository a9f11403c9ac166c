/**
 * Middleware composition, onion style (the shape of hono's and koa's `compose`): each middleware
 * reads the request, awaits `next()`, then shapes the response the inner layers left on the context.
 */
export type Next = () => Promise<void>;
export type Middleware<C> = (context: C, next: Next) => Promise<void> | void;

export function compose<C>(middleware: readonly Middleware<C>[]): (context: C) => Promise<void> {
  return function run(context) {
    let lastIndex = -1;
    const dispatch = async (index: number): Promise<void> => {
      if (index <= lastIndex) throw new Error('next() called more than once');
      lastIndex = index;
      const layer = middleware[index];
      if (!layer) return;
      await layer(context, () => dispatch(index + 1));
    };
    return dispatch(0);
  };
}
