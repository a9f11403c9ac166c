import { API_BASE } from '../../../api/routes/api-base.ts';
import { TooMuchData } from '../../../scenarios/sandbox.ts';
import { pageSandbox } from '../../panels/scenario-player/page-sandbox.ts';
import { send } from '../../shared/http.ts';
import { useEngineStore } from '../../stores/engine-store.ts';

/**
 * The lab changes settings (directives), the clock and a product: the world is saved first and
 * put back when the lab closes (decision 0009). Too much data to save: the settings and the
 * clock are still saved; the lab only ever touches one product's stock.
 */
export async function enterSandbox(): Promise<void> {
  try {
    await pageSandbox.enter({ settings: true, data: true });
  } catch (error) {
    if (!(error instanceof TooMuchData)) throw error;
    await pageSandbox.enter({ settings: true });
  }
}

let known: { seed: number | undefined; path: string } | undefined;

/** The product every panel of the lab reads: the newest one (asked once per seed). */
export async function productPath(): Promise<string> {
  const seed = useEngineStore.getState().seed;
  if (known && known.seed === seed) return known.path;
  const page = await send<{ data: { id: string }[] }>(`${API_BASE}/products?limit=1`, {
    cache: 'no-store',
  });
  const id = (page.body as { data?: { id: string }[] } | null)?.data?.[0]?.id;
  if (!id) throw new Error('There is no product: create one in the Explorer, or Reset.');
  const path = `${API_BASE}/products/${encodeURIComponent(id)}`;
  known = { seed, path };
  return path;
}

export const PAGE_PATH = `${API_BASE}/products?limit=100`;

export async function advanceClock(ms: number): Promise<void> {
  await enterSandbox();
  await send('/__admin/clock', { method: 'POST', json: { action: 'advance', ms } });
}

/** Sets the products' Cache-Control (caching.policies.products). */
export async function setProductPolicy(directives: string): Promise<void> {
  await enterSandbox();
  const result = await send('/__admin/settings', {
    method: 'PATCH',
    json: { caching: { policies: { products: directives } } },
  });
  if (result.status !== 200) throw new Error(result.problem?.detail ?? `HTTP ${result.status}`);
}
