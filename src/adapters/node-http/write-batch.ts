/**
 * Collects the writes of one turn of the event loop and runs them together at its end
 * (setImmediate runs after all of the turn's I/O callbacks). Written one by one, each response
 * woke the waiting client in the middle of the server's work on the next request, and on a
 * machine with few cores the client then took this process's core: under load (BENCHMARKS.md,
 * node:http) the server spent about 10 µs more CPU per request, in context switches and in
 * caches gone cold. The bytes are the same; each is sent at most one loop turn later.
 */
export function createWriteBatch(): (write: () => void) => void {
  let queued: (() => void)[] = [];
  const flush = () => {
    const writes = queued;
    queued = [];
    for (const write of writes) write();
  };
  return (write) => {
    if (queued.push(write) === 1) setImmediate(flush);
  };
}
