/**
 * A fixed-capacity ring buffer: appends are O(1) and the oldest item falls out when full, so a
 * log that runs all day uses bounded memory. Index 0 is the oldest item kept.
 */
export class RingBuffer<T> {
  #items: (T | undefined)[];
  #start = 0;
  #size = 0;

  constructor(capacity: number) {
    this.#items = new Array<T | undefined>(Math.max(1, capacity));
  }

  get capacity(): number {
    return this.#items.length;
  }

  get size(): number {
    return this.#size;
  }

  /** Appends; returns the item that fell out, if the buffer was full. */
  push(item: T): T | undefined {
    const capacity = this.#items.length;
    if (this.#size < capacity) {
      this.#items[(this.#start + this.#size) % capacity] = item;
      this.#size++;
      return undefined;
    }
    const evicted = this.#items[this.#start];
    this.#items[this.#start] = item;
    this.#start = (this.#start + 1) % capacity;
    return evicted;
  }

  /** The item at `index` (0 = oldest kept). */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.#size) return undefined;
    return this.#items[(this.#start + index) % this.#items.length];
  }

  toArray(): T[] {
    const out: T[] = new Array<T>(this.#size);
    for (let i = 0; i < this.#size; i++) out[i] = this.at(i) as T;
    return out;
  }

  clear(): void {
    this.#items = new Array<T | undefined>(this.#items.length);
    this.#start = 0;
    this.#size = 0;
  }

  /** A new capacity, keeping the newest items that fit. */
  resize(capacity: number): void {
    const kept = this.toArray().slice(-Math.max(1, capacity));
    this.#items = new Array<T | undefined>(Math.max(1, capacity));
    this.#start = 0;
    this.#size = 0;
    for (const item of kept) this.push(item);
  }
}
