/**
 * What a route promises about authentication (shared API.md §6), read by the auth layer and the
 * OpenAPI document. Without a policy a route under /api/v1 needs `read` for GET and HEAD,
 * `write` for POST, PUT and PATCH and `admin` for DELETE, whenever `auth.enforce` guards it.
 */
export type Scope = 'read' | 'write' | 'admin';

/**
 * Rows that belong to a user (src/api/middleware/auth/ownership.ts): a caller without `admin`
 * may act only on rows whose `field` is its own `sub`.
 */
export interface Ownership {
  field: string;
}

export interface AuthPolicy {
  /** Never guarded, whatever `enforce` says: sign-in, refresh, the JWKS. */
  open?: boolean;
  /** Guarded whatever `enforce` says: /me, logout. */
  always?: boolean;
  /** The scope needed instead of the method's; null: a valid token is enough. */
  scope?: Scope | null;
  /**
   * Fields only an admin may set: a caller without `admin` may create a row only with these
   * values, and may not change them (users' `role`: only a *changed* role needs admin).
   */
  adminFields?: Readonly<Record<string, unknown>>;
  /** The rows belong to their user: see Ownership. */
  owner?: Ownership;
}

declare module '../../routes/route.ts' {
  interface RoutePolicies {
    auth?: AuthPolicy;
  }
}

/** The scope a request needs on a route: its policy's, else the method's. */
export function scopeNeeded(method: string, policy: AuthPolicy | undefined): Scope | null {
  if (policy?.scope !== undefined) return policy.scope;
  if (method === 'GET' || method === 'HEAD') return 'read';
  return method === 'DELETE' ? 'admin' : 'write';
}
