import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Small statistics for the bench: medians, quantiles, ratios paired by round. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  rounds: number[];
}

export function summarize(values: readonly number[], digits: number): Summary {
  return {
    median: round(median(values), digits),
    min: round(Math.min(...values), digits),
    max: round(Math.max(...values), digits),
    rounds: values.map((value) => round(value, digits)),
  };
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile, interpolating between the two nearest values. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = sorted[Math.floor(position)] ?? NaN;
  const above = sorted[Math.ceil(position)] ?? NaN;
  return below + (above - below) * (position - Math.floor(position));
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * The median of a/b taken round by round: rounds seconds apart can differ by 2× on a busy
 * machine, and a ratio within one round cancels that drift where a ratio of medians would not.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return round(median(ratios(a, b)), 3);
}

export function pairedIqr(a: readonly number[], b: readonly number[]): [number, number] {
  const each = ratios(a, b);
  return [round(quantile(each, 0.25), 3), round(quantile(each, 0.75), 3)];
}

function ratios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, i) => value / (b[i] ?? NaN));
}

/** V8's gc(), for heap figures measured between two collections. */
export function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
