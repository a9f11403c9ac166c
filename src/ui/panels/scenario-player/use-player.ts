import { useSyncExternalStore } from 'react';
import type { Player, PlayerState } from './player.ts';

/** The player's state for React: re-renders when a step runs or the cursor moves. */
export function usePlayerState<View>(player: Player<View>): PlayerState<View> {
  return useSyncExternalStore(
    (listener) => player.subscribe(listener),
    () => player.getState(),
  );
}
