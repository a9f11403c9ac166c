/** How long work may run before giving the host a turn, and how to give it. */
export interface SliceOptions {
  /** Real milliseconds of work per slice; 12 leaves room for a 60 Hz frame. */
  budgetMs?: number;
  /** Lets the host run (render, answer other requests); resolves when work may go on. */
  yieldToHost?: () => Promise<void>;
  /** A monotonic real-time source in ms; performance.now() by default. */
  realNow?: () => number;
}

interface TaskScheduler {
  postTask?: (task: () => void, options: { priority: 'background' }) => Promise<void>;
}

/**
 * A turn for the host at background priority, where the host has `scheduler.postTask` (below
 * input and rendering, so the page keeps painting and answering), otherwise a macrotask via
 * setTimeout. Not `scheduler.yield()`: its continuations outrank rendering, and in Chromium the
 * page then painted only every ~100 ms (the renderer's anti-starvation limit) during a seed.
 * @see https://wicg.github.io/scheduling-apis/#dom-scheduler-posttask
 */
export function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => undefined, { priority: 'background' });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Drives a generator that yields progress numbers, pausing for the host whenever a slice has
 * used its time budget, and reports progress once per slice. Returns the generator's result.
 */
export async function runInSlices<T>(
  work: Generator<number, T>,
  onProgress: (done: number) => void,
  { budgetMs = 12, yieldToHost = defaultYield, realNow = () => performance.now() }: SliceOptions,
): Promise<T> {
  let sliceStart = realNow();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (realNow() - sliceStart >= budgetMs) {
      onProgress(step.value);
      await yieldToHost();
      sliceStart = realNow();
    }
  }
}
