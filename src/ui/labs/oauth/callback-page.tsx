import { Link } from 'wouter';
import './oauth.css';

/**
 * The client's redirect endpoint, /oauth/callback: where the consent step sends the browser
 * with `code`, `state` and `iss` (or `error`). A real client would check state and iss and then
 * exchange the code; here it shows what arrived.
 */
export default function CallbackPage() {
  const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  const rows = [...params.entries()];
  return (
    <article className="lab oa-consent" aria-labelledby="oa-callback-title">
      <h1 id="oa-callback-title">Back at the client</h1>
      <p>
        The authorization server redirected here (303). A client now checks <code>state</code>{' '}
        (CSRF) and <code>iss</code> (mix-up), then exchanges the code with its verifier at{' '}
        <code>POST /oauth/token</code> within 60 seconds.
      </p>
      <table className="oa-params" data-testid="callback-params">
        <tbody>
          {rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>
                <code>{value}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Link href="/oauth">Back to the OAuth lab</Link>
      </p>
    </article>
  );
}
