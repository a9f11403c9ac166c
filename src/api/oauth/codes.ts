import { randomValue } from './pkce.ts';

/**
 * Authorization codes (RFC 6749 §4.1.2): single use, 60 s on the virtual clock, bound to the
 * client, the redirect URI, the PKCE challenge, the user and the granted scope. A redeemed code
 * is kept until it would have expired, with the family its tokens came from, so that a second
 * use can revoke them: the RFC's "SHOULD revoke all tokens previously issued based on that code".
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export const CODE_TTL_MS = 60_000;

export interface CodeRecord {
  code: string;
  client_id: string;
  redirect_uri: string;
  code_challenge: string;
  sub: string;
  scope: string;
  issued_ms: number;
  expires_ms: number;
  /** When it was exchanged, and the refresh family it started; null until then. */
  redeemed_ms: number | null;
  family_id: string | null;
}

/** Codes kept at most (the oldest go first): a page that signs in a thousand times stays small. */
const MAX_CODES = 500;

export class Codes {
  #codes = new Map<string, CodeRecord>();
  readonly #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  issue(
    grant: Omit<CodeRecord, 'code' | 'issued_ms' | 'expires_ms' | 'redeemed_ms' | 'family_id'>,
    now: number,
  ): CodeRecord {
    this.#sweep(now);
    const record: CodeRecord = {
      ...grant,
      code: randomValue('ac_', 24),
      issued_ms: now,
      expires_ms: now + CODE_TTL_MS,
      redeemed_ms: null,
      family_id: null,
    };
    this.#codes.set(record.code, record);
    while (this.#codes.size > MAX_CODES) {
      const oldest = this.#codes.keys().next().value;
      if (oldest === undefined) break;
      this.#codes.delete(oldest);
    }
    this.#changed();
    return record;
  }

  get(code: string): CodeRecord | undefined {
    return this.#codes.get(code);
  }

  redeem(record: CodeRecord, familyId: string, now: number): void {
    record.redeemed_ms = now;
    record.family_id = familyId;
    this.#changed();
  }

  all(): CodeRecord[] {
    return [...this.#codes.values()];
  }

  reset(): void {
    this.#codes.clear();
    this.#changed();
  }

  save(): CodeRecord[] {
    return this.all();
  }

  restore(saved: unknown): void {
    this.#codes.clear();
    if (!Array.isArray(saved)) return;
    for (const record of saved as CodeRecord[])
      if (typeof record?.code === 'string') this.#codes.set(record.code, record);
  }

  /** Forgets codes long past their expiry: after it, even a replay is just an unknown code. */
  #sweep(now: number): void {
    for (const [code, record] of this.#codes)
      if (record.expires_ms + CODE_TTL_MS < now) this.#codes.delete(code);
  }
}
