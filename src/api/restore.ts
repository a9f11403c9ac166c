import type { Api, SavedState } from './create-api.ts';

/**
 * Brings back a saved state without blocking the page for long: the seed is rebuilt in slices
 * (Store.prepare), swapped in, then the saved changes are applied. For an API created with the
 * saved seed and settings but default sizes, before anything is allowed to send it requests.
 */
export async function restoreGradually(api: Api, saved: SavedState): Promise<void> {
  const { store } = api.env;
  await store.prepare(saved.meta.seed, saved.meta.sizes);
  store.reseed(saved.meta.seed, saved.meta.sizes);
  store.applySaved(saved.meta.sequences, saved.rows);
}
