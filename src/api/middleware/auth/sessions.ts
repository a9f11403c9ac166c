/**
 * Refresh-token families and revocations (shared API.md §6, RFC 9700 §4.14.2). A sign-in starts a
 * family; each refresh spends its token and adds the next (rotation), keeping the family's
 * expiry. A spent token presented again means two parties hold the chain, and nobody can tell
 * which is the thief: the whole family is revoked, every refresh token and every access token
 * issued from it. Refresh tokens are opaque random strings; access tokens are known by `jti`.
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2
 */
export interface RefreshLink {
  token: string;
  issued_ms: number;
  /** When it was exchanged for the next one; null while it is the live end of the chain. */
  spent_ms: number | null;
}

export interface Family {
  id: string;
  sub: string;
  client_id: string;
  scope: string;
  created_ms: number;
  expires_ms: number;
  revoked_ms: number | null;
  revoked_why: string | null;
  chain: RefreshLink[];
  /** Access tokens issued from the family: revoked with it. */
  access: { jti: string; exp_ms: number }[];
}

export type RefreshOutcome =
  | { ok: true; family: Family; token: string }
  | { ok: false; why: 'unknown' | 'expired' | 'revoked' | 'reused'; family?: Family };

function randomToken(prefix: string, bytes: number): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of raw) binary += String.fromCharCode(byte);
  return prefix + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const newJti = () => randomToken('at_', 12);

/** Families kept for the lab's drawing, oldest dropped first. */
const MAX_FAMILIES = 500;

export class Sessions {
  #families = new Map<string, Family>();
  #byRefresh = new Map<string, Family>();
  #byJti = new Map<string, Family>();
  /** Revoked access tokens, until they expire (after that, exp refuses them anyway). */
  #revoked = new Map<string, number>();
  readonly #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  /** A sign-in: a new family and its first refresh token. */
  start(sub: string, clientId: string, scope: string, now: number, ttlS: number): Family {
    const family: Family = {
      id: randomToken('fam_', 6),
      sub,
      client_id: clientId,
      scope,
      created_ms: now,
      expires_ms: now + ttlS * 1000,
      revoked_ms: null,
      revoked_why: null,
      chain: [],
      access: [],
    };
    this.#families.set(family.id, family);
    this.#link(family, now);
    this.#trim();
    this.#changed();
    return family;
  }

  /** The live end of a family's chain. */
  liveToken(family: Family): string {
    return family.chain.at(-1)?.token ?? '';
  }

  recordAccess(family: Family, jti: string, expMs: number): void {
    family.access.push({ jti, exp_ms: expMs });
    this.#byJti.set(jti, family);
    this.#changed();
  }

  /** The family a refresh token belongs to, without spending it (OAuth checks its client first). */
  familyOf(token: string): Family | undefined {
    return this.#byRefresh.get(token);
  }

  /** Exchanges a refresh token for the next one of its family (rotation), or says why not. */
  refresh(token: string, now: number): RefreshOutcome {
    const family = this.#byRefresh.get(token);
    if (!family) return { ok: false, why: 'unknown' };
    if (family.revoked_ms !== null) return { ok: false, why: 'revoked', family };
    const link = family.chain.find((candidate) => candidate.token === token);
    if (!link || link.spent_ms !== null) {
      this.revoke(family, now, 'a spent refresh token was presented again (reuse)');
      return { ok: false, why: 'reused', family };
    }
    if (now >= family.expires_ms) return { ok: false, why: 'expired', family };
    link.spent_ms = now;
    this.#link(family, now);
    this.#changed();
    return { ok: true, family, token: this.liveToken(family) };
  }

  /** Revokes a family: its refresh tokens stop working, and so do its access tokens. */
  revoke(family: Family, now: number, why: string): void {
    if (family.revoked_ms === null) {
      family.revoked_ms = now;
      family.revoked_why = why;
    }
    for (const { jti, exp_ms } of family.access) if (exp_ms > now) this.#revoked.set(jti, exp_ms);
    this.#changed();
  }

  familyOfJti(jti: string): Family | undefined {
    return this.#byJti.get(jti);
  }

  isRevoked(jti: string): boolean {
    return this.#revoked.has(jti);
  }

  /** Every family, newest first (for the lab's chain drawing). */
  families(): Family[] {
    return [...this.#families.values()].reverse();
  }

  reset(): void {
    this.#families.clear();
    this.#byRefresh.clear();
    this.#byJti.clear();
    this.#revoked.clear();
    this.#changed();
  }

  save(): { families: Family[]; revoked: [string, number][] } {
    return { families: [...this.#families.values()], revoked: [...this.#revoked] };
  }

  restore(saved: unknown): void {
    this.reset();
    const value = saved as { families?: unknown; revoked?: unknown } | null;
    if (!value || !Array.isArray(value.families)) return;
    for (const family of value.families as Family[]) {
      if (typeof family?.id !== 'string' || !Array.isArray(family.chain)) continue;
      this.#families.set(family.id, family);
      for (const link of family.chain) this.#byRefresh.set(link.token, family);
      for (const access of family.access ?? []) this.#byJti.set(access.jti, family);
    }
    if (Array.isArray(value.revoked))
      for (const entry of value.revoked as [string, number][])
        if (typeof entry?.[0] === 'string') this.#revoked.set(entry[0], Number(entry[1]));
  }

  #link(family: Family, now: number): void {
    const token = randomToken('rt_', 32);
    family.chain.push({ token, issued_ms: now, spent_ms: null });
    this.#byRefresh.set(token, family);
  }

  #trim(): void {
    while (this.#families.size > MAX_FAMILIES) {
      const oldest = this.#families.values().next().value;
      if (!oldest) break;
      this.#families.delete(oldest.id);
      for (const link of oldest.chain) this.#byRefresh.delete(link.token);
      for (const access of oldest.access) this.#byJti.delete(access.jti);
    }
  }
}
