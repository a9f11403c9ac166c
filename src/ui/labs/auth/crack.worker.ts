/// <reference lib="webworker" />
import { crackHs256, WORDLIST } from '../../../scenarios/auth/crack.ts';

/** Cracks an HS256 token off the page's main thread; reports progress, then the secret. */
self.onmessage = async (event: MessageEvent<{ token: string }>) => {
  const result = await crackHs256(event.data.token, WORDLIST, (tried) =>
    self.postMessage({ kind: 'progress', tried, total: WORDLIST.length }),
  );
  self.postMessage({ kind: 'done', ...result, total: WORDLIST.length });
};
