import type { Middleware } from '../../compose.ts';
import { note, type ApiContext } from '../../context.ts';
import { cite } from '../../standards.ts';

/**
 * HEAD is answered like GET without the content (RFC 9110 §9.3.2), errors included. The router
 * serves HEAD with the GET handler; this layer, outside the error boundary, drops whatever body
 * the answer has, and keeps its Content-Length.
 */
export const headWithoutBody: Middleware<ApiContext> = async (context, next) => {
  await next();
  const response = context.response;
  if (context.method !== 'HEAD' || !response || response.type === 'error') return;
  note(context, 'HEAD → the GET response without its body', cite('RFC 9110 §9.3.2'));
  const headers = new Headers(response.headers);
  if (context.responseBodyText !== undefined) {
    headers.set(
      'Content-Length',
      String(new TextEncoder().encode(context.responseBodyText).byteLength),
    );
  }
  context.response = new Response(null, { status: response.status, headers });
  context.responseBodyText = undefined;
};
