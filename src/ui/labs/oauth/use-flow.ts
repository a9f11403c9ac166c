import { useCallback, useRef, useState } from 'react';
import { pageTransport } from '../../shared/page-transport.ts';
import type { FlowStep, Held, StepResult } from './flows.ts';

export const PLAY_GAP_MS = 700;

export interface FlowState {
  /** Steps done so far; the next to run is results.length. */
  results: StepResult[];
  busy: boolean;
  playing: boolean;
  error: string | undefined;
  step(): Promise<void>;
  play(): Promise<void>;
  reset(): void;
}

/** Steps through one flow (remount it, by key, for another): each Step sends the next arrow's real request, Play runs the rest. */
export function useFlow(steps: readonly FlowStep[]): FlowState {
  const held = useRef<Held>({});
  const generation = useRef(0);
  const [results, setResults] = useState<StepResult[]>([]);
  const [busy, setBusy] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string>();
  const done = useRef(0);

  const reset = useCallback(() => {
    generation.current++;
    held.current = {};
    done.current = 0;
    setResults([]);
    setBusy(false);
    setPlaying(false);
    setError(undefined);
  }, []);

  const runNext = useCallback(async (): Promise<boolean> => {
    const index = done.current;
    const next = steps[index];
    if (!next) return false;
    const mine = generation.current;
    setBusy(true);
    try {
      const result = await next.run(held.current, pageTransport);
      if (mine !== generation.current) return false;
      done.current = index + 1;
      setResults((all) => [...all.slice(0, index), result]);
      return index + 1 < steps.length;
    } catch (failure) {
      if (mine === generation.current)
        setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    } finally {
      if (mine === generation.current) setBusy(false);
    }
  }, [steps]);

  const step = useCallback(async () => {
    await runNext();
  }, [runNext]);

  const play = useCallback(async () => {
    const mine = generation.current;
    setPlaying(true);
    while (await runNext()) {
      await new Promise((resolve) => setTimeout(resolve, PLAY_GAP_MS));
      if (mine !== generation.current) return;
    }
    if (mine === generation.current) setPlaying(false);
  }, [runNext]);

  return { results, busy, playing, error, step, play, reset };
}
