import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * Who the app is signed in as (shared API.md §6): the pair from POST /api/v1/auth/login, kept for
 * the tab (sessionStorage), so a reload stays signed in. The API client (`send`) and the page's
 * scenario transport attach the access token to every request that carries none of its own, so
 * every lab keeps working when `auth.enforce` is on. No React and no HTTP here: the actions live
 * in session-actions.ts.
 */
export interface SessionState {
  email: string | undefined;
  sub: string | undefined;
  role: 'admin' | 'member' | undefined;
  scope: string | undefined;
  accessToken: string | undefined;
  refreshToken: string | undefined;
  /** Virtual epoch ms the access token expires. */
  expiresAtMs: number | undefined;
}

export const SIGNED_OUT: SessionState = {
  email: undefined,
  sub: undefined,
  role: undefined,
  scope: undefined,
  accessToken: undefined,
  refreshToken: undefined,
  expiresAtMs: undefined,
};

export const useSession = create<SessionState>()(
  persist(() => ({ ...SIGNED_OUT }), {
    name: 'restlab.session',
    storage: createJSONStorage(() => sessionStorage),
  }),
);

/** Adds `Authorization: Bearer …` when signed in and the request has none of its own. */
export function attachSession(headers: Headers): void {
  const token = useSession.getState().accessToken;
  if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
}
