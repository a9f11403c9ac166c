/** The exact request a form will send, so PUT and PATCH can be compared before sending. */
export function RequestPreview({
  method,
  path,
  body,
}: {
  method: string;
  path: string;
  body: Record<string, unknown>;
}) {
  const contentType = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  const text = `${method} ${path}\nContent-Type: ${contentType}\n\n${JSON.stringify(body, null, 2)}`;
  return (
    <figure className="explorer-preview">
      <figcaption>The request this sends</figcaption>
      <pre className="code-block">{text}</pre>
    </figure>
  );
}
