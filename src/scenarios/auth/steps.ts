/** The steps of the auth lab's scenarios (src/scenarios/auth/scenarios.ts), as data. */
export type AuthStep =
  | { kind: 'settings'; auth: Record<string, unknown>; say: string }
  /** Signs in as a seeded user; the pair is kept under `as`. */
  | { kind: 'sign-in'; role: 'admin' | 'member'; as: string; say: string }
  /**
   * A request with the token kept under `token` (or none, or a token that is not one); records
   * `<as>.status`, `<as>.error` (the challenge's error code, or "none") and `<as>.check`.
   */
  | {
      kind: 'call';
      method: string;
      path: string;
      token: string | { none: true } | { literal: string };
      body?: unknown;
      as: string;
      say: string;
    }
  /** Refreshes the pair kept under `from` (its refresh token); a 200 pair is kept under `as`. */
  | { kind: 'refresh'; from: string; as: string; say: string }
  | { kind: 'advance'; ms: number; say: string }
  /** Pauses the virtual clock, so that exact instants hold however long the steps take. */
  | { kind: 'pause'; say: string }
  | { kind: 'rotate'; say: string }
  /** Builds an attack of the gallery from the pair under `from`; kept under `as`. */
  | { kind: 'forge'; attack: string; from: string; as: string; say: string };
