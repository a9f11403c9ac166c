import type { ApiEvent, ApiEventOf, ApiEventType } from '../../api/events.ts';

type AnyListener = (event: ApiEvent) => void;
const listeners = new Map<ApiEventType, Set<AnyListener>>();

/**
 * A lab's subscription to one kind of the core's events, through the bridge: labs never touch
 * `window.restlab`, and subscribing works before the engine has started (the bridge forwards
 * events from the moment it connects). Listeners run synchronously, as the core emits; one that
 * redraws should batch (see the rate-limit lab's feed).
 */
export function onEngineEvent<K extends ApiEventType>(
  type: K,
  listener: (event: ApiEventOf<K>) => void,
): () => void {
  let set = listeners.get(type);
  if (!set) listeners.set(type, (set = new Set()));
  const any = listener as AnyListener;
  set.add(any);
  return () => {
    set.delete(any);
  };
}

const everyEvent = new Set<AnyListener>();

/** Every event of the core, through the bridge (a scenario stepper that reads several kinds). */
export function onAnyEngineEvent(listener: (event: ApiEvent) => void): () => void {
  everyEvent.add(listener);
  return () => {
    everyEvent.delete(listener);
  };
}

/** Called by the bridge for every event of the core. */
export function dispatchEngineEvent(event: ApiEvent): void {
  for (const listener of everyEvent) listener(event);
  const set = listeners.get(event.type);
  if (!set) return;
  for (const listener of set) listener(event);
}
