import { keepClock } from '../sandbox.ts';
import type { Transport } from '../scenario.ts';
import { buildTrace, traceStart, type Trace, type TraceSpec } from './traces.ts';

export type PlayMode = 'fast-forward' | 'real-time';

export interface PlayedRequest {
  /** ms from the trace's start. */
  offset: number;
  status: number;
  headers: Headers;
}

export interface PlayOptions {
  transport: Transport;
  /**
   * Where the clock commands go (default: `transport`). The lab sends them straight to the page's
   * core: they are control calls, never journaled, and a worker round trip per step would double
   * the time a fast-forward takes. The traffic itself always goes through `transport`.
   */
  control?: Transport;
  clientId: string;
  mode: PlayMode;
  /** The policy's window, to put a window-edge trace on a boundary. */
  windowMs: number;
  path?: string;
  signal?: AbortSignal;
  /** Called once the start is known (and the clock set), before the first request. */
  onStart?: (start: number) => void;
  onResponse?: (played: PlayedRequest) => void;
}

export interface PlayResult {
  /** Virtual ms at which the trace started. */
  start: number;
  /** Virtual time of each request (exact in fast-forward; planned in real time). */
  times: number[];
  statuses: number[];
}

const CHUNK = 25;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Plays a trace as real requests, each with the client's X-Client-Id. Fast-forward pauses the
 * virtual clock and sets it to each request's moment (POST /__admin/clock) before sending, so a
 * minute of traffic takes as long as its requests do and decides the same way every time; the
 * clock resumes afterwards if it was running. Real time runs the clock and waits for real.
 */
export async function playTrace(
  spec: TraceSpec | Trace,
  options: PlayOptions,
): Promise<PlayResult> {
  const trace = 'offsets' in spec ? spec : buildTrace(spec);
  const admin = adminClient(options.control ?? options.transport);
  const fast = options.mode === 'fast-forward';
  // Both modes change the user's clock (pause and set, or resume): the page saves it first.
  await keepClock();
  const clock = await admin.clock();
  if (fast && !clock.paused) await admin.command({ action: 'pause' });
  if (!fast && clock.paused) await admin.command({ action: 'resume' });
  const now = (await admin.clock()).epoch_ms;
  const start = traceStart(trace, now, options.windowMs);
  if (start !== now) await admin.command({ action: 'set', epoch_ms: start });
  options.onStart?.(start);

  const statuses: number[] = new Array<number>(trace.offsets.length);
  const send = async (index: number) => {
    const offset = trace.offsets[index] as number;
    const request = new Request(
      options.transport.origin + (options.path ?? '/api/v1/users?limit=1'),
      {
        headers: { 'X-Client-Id': options.clientId },
        signal: options.signal,
      },
    );
    const response = await options.transport.fetch(request);
    await response.arrayBuffer();
    statuses[index] = response.status;
    options.onResponse?.({ offset, status: response.status, headers: response.headers });
  };

  const realStart = performance.now();
  const pending: Promise<void>[] = [];
  for (let first = 0; first < trace.offsets.length;) {
    options.signal?.throwIfAborted();
    const offset = trace.offsets[first] as number;
    let last = first;
    while (trace.offsets[last + 1] === offset) last++;
    if (fast) {
      if (offset !== 0) await admin.command({ action: 'set', epoch_ms: start + offset });
    } else {
      const wait = offset - (performance.now() - realStart);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    // A big group goes out in chunks, with a pause for the page between them.
    for (let index = first; index <= last; index += CHUNK) {
      const chunk = [];
      for (let i = index; i <= Math.min(last, index + CHUNK - 1); i++) chunk.push(send(i));
      pending.push(...chunk);
      if (last - first >= CHUNK) await yieldToPage();
    }
    // Fast-forward must finish a moment before the clock moves on; real time keeps its schedule.
    if (fast) await Promise.all(pending.splice(0));
    first = last + 1;
  }
  await Promise.all(pending);
  if (fast && !clock.paused) await admin.command({ action: 'resume' });
  return { start, times: trace.offsets.map((offset) => start + offset), statuses };
}

interface ClockState {
  epoch_ms: number;
  paused: boolean;
}

function adminClient(transport: Transport) {
  const url = transport.origin + '/__admin/clock';
  return {
    async clock(): Promise<ClockState> {
      return (await (await transport.fetch(new Request(url))).json()) as ClockState;
    },
    async command(body: object): Promise<void> {
      const response = await transport.fetch(
        new Request(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
      if (!response.ok)
        throw new Error(`the clock refused ${JSON.stringify(body)}: ${response.status}`);
      await response.arrayBuffer();
    },
  };
}
