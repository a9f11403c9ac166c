import { API_BASE } from '../../api/routes/api-base.ts';
import {
  fetchJson,
  type ScenarioContext,
  type StepInterpreter,
  type Transport,
} from '../scenario.ts';
import { CacheWorld, type ClientName, type Exchange } from './cache-world.ts';
import type { CachingStep } from './steps.ts';

interface Saved {
  products: string;
  required: boolean;
  paused: boolean;
}

/** What a caching run keeps between steps: the world of caches and what each client read. */
export interface CachingRun {
  interpret: StepInterpreter<CachingStep>;
  world(): CacheWorld | undefined;
  /** The product the scenario works on, as each client last read it. */
  copies(): Partial<Record<ClientName, { body: Record<string, unknown>; etag: string | null }>>;
}

const WRITE_FIELDS = ['name', 'price_cents', 'stock'] as const;

/**
 * A fresh interpreter for one run. The clock is paused at the first step (so freshness is exact)
 * and the caches read it from here; client ids get a suffix unique to the run, so a run never
 * shares rate-limit buckets with an earlier one.
 */
export function cachingRun(runId = Math.random().toString(36).slice(2, 8)): CachingRun {
  let saved: Saved | undefined;
  let world: CacheWorld | undefined;
  let now = 0;
  let productPath = '';
  const copies: Partial<
    Record<ClientName, { body: Record<string, unknown>; etag: string | null }>
  > = {};
  const lastChange: Partial<Record<ClientName, Record<string, unknown>>> = {};

  async function start(transport: Transport): Promise<CacheWorld> {
    if (world) return world;
    const settings = (await fetchJson(transport, 'GET', '/__admin/settings')) as {
      caching: { policies: { products: string } };
      conditional: { require_preconditions: boolean };
    };
    const clock = (await fetchJson(transport, 'GET', '/__admin/clock')) as { paused: boolean };
    saved = {
      products: settings.caching.policies.products,
      required: settings.conditional.require_preconditions,
      paused: clock.paused,
    };
    now = (
      (await fetchJson(transport, 'POST', '/__admin/clock', { action: 'pause' })) as {
        epoch_ms: number;
      }
    ).epoch_ms;
    const page = (await fetchJson(transport, 'GET', `${API_BASE}/products?limit=1`)) as {
      data: { id: string }[];
    };
    productPath = `${API_BASE}/products/${encodeURIComponent(page.data[0]?.id ?? '')}`;
    world = new CacheWorld(transport, () => now, { a: `alice-${runId}`, b: `bob-${runId}` });
    return world;
  }

  function record(context: ScenarioContext, as: string, exchange: Exchange, client: ClientName) {
    const r = (name: string, value: string | number | boolean) =>
      context.record(`${as}.${name}`, value);
    r('status', exchange.status);
    r('apiStatus', exchange.apiStatus ?? 0);
    r('apiBytes', exchange.apiBytes);
    r('private', exchange.private);
    r('shared', exchange.shared ?? 'none');
    const w = world;
    r('stored', w?.clients[client].entries().some((entry) => entry.key === exchange.path) ?? false);
    r('cdnStored', w?.cdn.entries().some((entry) => entry.key === exchange.path) ?? false);
    r('bytes', new TextEncoder().encode(exchange.body).length);
  }

  /** Whether the other client's last change is still in this answer. */
  function keptOthers(client: ClientName, body: Record<string, unknown>): boolean {
    const other = lastChange[client === 'a' ? 'b' : 'a'] ?? {};
    return Object.entries(other).every(([field, value]) => body[field] === value);
  }

  async function put(
    context: ScenarioContext,
    client: ClientName,
    change: Record<string, unknown>,
    ifMatch: boolean,
    as: string,
  ) {
    const w = await start(context.transport);
    const copy = copies[client];
    if (!copy) throw new Error(`client ${client} has read nothing to write back`);
    const body: Record<string, unknown> = {};
    for (const field of WRITE_FIELDS) body[field] = copy.body[field];
    change = Object.fromEntries(
      Object.entries(change).map(([field, value]) => [
        field,
        typeof value === 'string' ? value.replace('{run}', runId) : value,
      ]),
    );
    Object.assign(body, change);
    const headers: Record<string, string> = ifMatch && copy.etag ? { 'If-Match': copy.etag } : {};
    const exchange = await w.send(client, 'PUT', productPath, { body, headers });
    record(context, as, exchange, client);
    if (exchange.status === 200) {
      lastChange[client] = change;
      const written = JSON.parse(exchange.body) as Record<string, unknown>;
      copies[client] = { body: written, etag: exchange.etag };
      context.record(`${as}.keptOthers`, keptOthers(client, written));
    }
  }

  async function get(
    context: ScenarioContext,
    client: ClientName,
    target: 'product' | 'page',
    viaCdn: boolean,
    as: string,
    fresh = false,
  ) {
    const w = await start(context.transport);
    const path = target === 'page' ? `${API_BASE}/products?limit=100` : productPath;
    const headers: Record<string, string> = fresh ? { 'Cache-Control': 'no-cache' } : {};
    const exchange = await w.send(client, 'GET', path, { headers, viaCdn });
    record(context, as, exchange, client);
    if (target === 'product' && exchange.status === 200)
      copies[client] = {
        body: JSON.parse(exchange.body) as Record<string, unknown>,
        etag: exchange.etag,
      };
    const previous = w.exchanges.filter((e) => e.client === client && e.path === path).at(-2);
    context.record(`${as}.sameBody`, previous !== undefined && previous.body === exchange.body);
  }

  const interpret: StepInterpreter<CachingStep> = async (step, context) => {
    const { transport } = context;
    await start(transport);
    switch (step.kind) {
      case 'policy':
        await fetchJson(transport, 'PATCH', '/__admin/settings', {
          caching: { policies: { products: step.directives } },
        });
        return;
      case 'require-preconditions':
        await fetchJson(transport, 'PATCH', '/__admin/settings', {
          conditional: { require_preconditions: step.on },
        });
        return;
      case 'get':
        return get(context, step.client, step.target, step.viaCdn ?? false, step.as);
      case 'put':
        return put(context, step.client, step.change, step.ifMatch, step.as);
      case 'merge-retry': {
        // The copy is stale: ask past the client's cache (no-cache), then apply the change again.
        await get(context, step.client, 'product', false, `${step.as}.read`, true);
        return put(context, step.client, step.change, true, step.as);
      }
      case 'advance':
        now = (
          (await fetchJson(transport, 'POST', '/__admin/clock', {
            action: 'advance',
            ms: step.ms,
          })) as {
            epoch_ms: number;
          }
        ).epoch_ms;
        return;
      case 'restore':
        if (!saved) return;
        await fetchJson(transport, 'PATCH', '/__admin/settings', {
          caching: { policies: { products: saved.products } },
          conditional: { require_preconditions: saved.required },
        });
        await fetchJson(transport, 'POST', '/__admin/clock', {
          action: saved.paused ? 'pause' : 'resume',
        });
        saved = undefined;
        return;
    }
  };

  return { interpret, world: () => world, copies: () => ({ ...copies }) };
}
