import type { ApiEnv } from '../context.ts';
import type { Authority } from '../middleware/auth/authority.ts';
import { seededClients, type Client } from './clients.ts';
import { Codes } from './codes.ts';

/**
 * One instance's authorization server state: its clients (the seeded two and any added) and its
 * codes. Tokens, refresh families and revocations are the auth mechanism's (§6): OAuth issues
 * through the same authority, so a token from either door verifies, rotates and revokes alike.
 */
export class AuthorizationServer {
  readonly env: ApiEnv;
  readonly authority: Authority;
  readonly codes: Codes;
  #clients = new Map<string, Client>();
  readonly #changed: () => void;

  constructor(env: ApiEnv, authority: Authority, changed: () => void) {
    this.env = env;
    this.authority = authority;
    this.#changed = changed;
    this.codes = new Codes(changed);
    this.reset();
  }

  client(id: string): Client | undefined {
    return this.#clients.get(id);
  }

  clients(): Client[] {
    return [...this.#clients.values()];
  }

  add(client: Client): void {
    this.#clients.set(client.client_id, client);
    this.#changed();
  }

  reset(): void {
    this.#clients = new Map(seededClients().map((client) => [client.client_id, client]));
    this.codes.reset();
  }

  save(): unknown {
    const seeded = new Set(seededClients().map((client) => client.client_id));
    return {
      clients: this.clients().filter((client) => !seeded.has(client.client_id)),
      codes: this.codes.save(),
    };
  }

  restore(saved: unknown): void {
    this.reset();
    const value = saved as { clients?: unknown; codes?: unknown } | null;
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value.clients))
      for (const client of value.clients as Client[])
        if (typeof client?.client_id === 'string' && Array.isArray(client.redirect_uris))
          this.#clients.set(client.client_id, client);
    this.codes.restore(value.codes);
  }
}
