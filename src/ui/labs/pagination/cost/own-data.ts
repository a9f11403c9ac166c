import { send } from '../../../shared/http.ts';

/** The data as the user left it: which seed, how many rows, and whether they changed any. */
export interface UserData {
  seed: number;
  sizes: Record<string, number>;
  /** Every collection is its seed, untouched: a reset to the same seed and sizes restores it exactly. */
  pristine: boolean;
}

/** Reads the data's shape through the control API (GET /__admin/data), as a real request. */
export async function readUserData(): Promise<UserData> {
  const result = await send<UserData>('/__admin/data');
  const body = result.body;
  if (result.status !== 200 || body === null || typeof body === 'string')
    throw new Error(`GET /__admin/data: HTTP ${result.status}`);
  const { seed, sizes, pristine } = body;
  return { seed, sizes, pristine };
}

async function reset(json: object): Promise<void> {
  const result = await send('/__admin/reset', { method: 'POST', json });
  if (result.status !== 204) throw new Error(result.problem?.detail ?? `HTTP ${result.status}`);
}

export type OwnDataPhase = 'generating' | 'measuring' | 'restoring';

/**
 * Runs `work` on `users` users, leaving the user's data as it was (issue 9, "labs leave each
 * other alone"): when the size differs, the same seed is reset to `users` rows (built aside, in
 * slices), `work` runs, and a reset to the saved seed and sizes puts the user's data back,
 * exactly, since seeded data is deterministic. Only data that is still its seed can be put back
 * this way: changed data is refused before anything is touched, and the lab says so.
 */
export async function withUsers<T>(
  users: number,
  /** How many users there are now (created rows included, deleted ones not). */
  now: number,
  work: () => Promise<T>,
  onPhase: (phase: OwnDataPhase) => void = () => undefined,
): Promise<T> {
  if (users === now) {
    onPhase('measuring');
    return work();
  }
  const saved = await readUserData();
  if (!saved.pristine)
    throw new Error('Your data has changes: measuring another size would replace them.');
  onPhase('generating');
  await reset({ sizes: { users }, keep_journal: true });
  try {
    onPhase('measuring');
    return await work();
  } finally {
    onPhase('restoring');
    await reset({ seed: saved.seed, sizes: saved.sizes, keep_journal: true });
  }
}
