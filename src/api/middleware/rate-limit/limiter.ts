import type { Algorithm, Decision } from './algorithm.ts';
import type { AlgorithmId, Policy } from './policy.ts';
import { ALGORITHMS } from './registry.ts';

interface Client {
  state: unknown;
  /** The latest time this client was seen, to notice a clock set back. */
  last: number;
  /** Decisions taken so far: a refund restores exactly when no other came after its own. */
  decisions: number;
}

/** How to give back one admitted request (a free 304, a replayed idempotent answer). */
export interface Refund {
  /** Gives it back; answers what the RateLimit field reports at `now` afterwards. */
  (now: number): Pick<Decision, 'remaining' | 'resetMs'>;
}

const SWEEP_FLOOR = 1024;

/**
 * The limiter's memory: one algorithm state per client partition. A change of algorithm or
 * policy starts everyone afresh (old states mean nothing under new rules); a clock set back
 * starts that client afresh. Clients whose state is idle (as good as new) are forgotten in
 * sweeps, so memory follows the active clients, not every client ever seen.
 */
export class Limiter {
  #clients = new Map<string, Client>();
  #algorithm: Algorithm | undefined;
  #policy: Policy | undefined;
  #key = '';
  #sweepAt = SWEEP_FLOOR;

  get size(): number {
    return this.#clients.size;
  }

  clear(): void {
    this.#clients.clear();
    this.#sweepAt = SWEEP_FLOOR;
  }

  decide(partition: string, now: number, algorithmId: AlgorithmId, policy: Policy): Decision {
    const algorithm = ALGORITHMS[algorithmId];
    if (algorithm !== this.#algorithm || policy !== this.#policy) this.#use(algorithm, policy);
    let client = this.#clients.get(partition);
    if (!client || now < client.last) {
      // Sweep before adding: a new client's state is idle until its first decision.
      if (this.#clients.size >= this.#sweepAt) this.#sweep(now, algorithm, policy);
      client = { state: algorithm.create(now, policy), last: now, decisions: 0 };
      this.#clients.set(partition, client);
    }
    client.last = now;
    client.decisions += 1;
    return algorithm.decide(client.state, now, policy);
  }

  /**
   * Decides like `decide`, and for an admitted request also says how to give it back: the state
   * from before it is restored exactly when no later decision touched the client, and otherwise
   * the algorithm takes back one request (`Algorithm.refund`).
   */
  decideRefundable(
    partition: string,
    now: number,
    algorithmId: AlgorithmId,
    policy: Policy,
  ): { decision: Decision; refund: Refund | undefined } {
    const algorithm = ALGORITHMS[algorithmId];
    const existing = this.#clients.get(partition);
    const before =
      existing && now >= existing.last && algorithm === this.#algorithm && policy === this.#policy
        ? { state: algorithm.snapshot(existing.state), last: existing.last }
        : undefined;
    const decision = this.decide(partition, now, algorithmId, policy);
    if (!decision.admitted) return { decision, refund: undefined };
    const client = this.#clients.get(partition);
    const taken = client?.decisions;
    const refund: Refund = (at) => {
      const current = this.#clients.get(partition);
      if (!current || this.#algorithm !== algorithm || this.#policy !== policy) {
        // Forgotten or started afresh since: nothing of this request is left to give back.
        return algorithm.status(algorithm.create(at, policy), at, policy);
      }
      if (current === client && current.decisions === taken) {
        if (before) {
          current.state = before.state;
          current.last = before.last;
        } else {
          // The request was this client's first: as if it had never come.
          current.state = algorithm.create(now, policy);
        }
      } else {
        algorithm.refund(current.state, now, policy);
      }
      return algorithm.status(current.state, Math.max(at, current.last), policy);
    };
    return { decision, refund };
  }

  /** A copy of a client's state, for the lab's chart (taken only when someone listens). */
  snapshot(partition: string): unknown {
    const client = this.#clients.get(partition);
    return client && this.#algorithm ? this.#algorithm.snapshot(client.state) : undefined;
  }

  /** A new policy object may carry the same numbers: only a real change starts afresh. */
  #use(algorithm: Algorithm, policy: Policy): void {
    this.#algorithm = algorithm;
    this.#policy = policy;
    const key = `${algorithm.id}/${policy.quota}/${policy.windowMs}/${policy.burst}`;
    if (key === this.#key) return;
    this.clear();
    this.#key = key;
  }

  #sweep(now: number, algorithm: Algorithm, policy: Policy): void {
    for (const [partition, client] of this.#clients) {
      if (now >= client.last && algorithm.idle(client.state, now, policy))
        this.#clients.delete(partition);
    }
    // Sweep again once the map has doubled: amortised O(1) per new client.
    this.#sweepAt = Math.max(SWEEP_FLOOR, this.#clients.size * 2);
  }
}
