/**
 * The exact request a form will send, so PUT and PATCH can be compared before sending; after
 * a success, the request that was sent (the next one, an empty patch, would say nothing).
 */
export function RequestPreview({
  method,
  path,
  body,
  caption = 'The request this sends',
}: {
  method: string;
  path: string;
  body: object;
  caption?: string;
}) {
  const contentType = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  const text = `${method} ${path}\nContent-Type: ${contentType}\n\n${JSON.stringify(body, null, 2)}`;
  return (
    <figure className="explorer-preview">
      <figcaption>{caption}</figcaption>
      <pre className="code-block">{text}</pre>
    </figure>
  );
}
